import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PausesOverTime } from '../../../../../simulator/schema/pauseSeries.ts';
import type { StopsOverTime } from '../../../../../simulator/schema/population.ts';
import { PopulationSection, type PopulationCharts } from '../../../../../src/screens/simulation/population/PopulationSection.tsx';
import { reactRootPerTest } from '../../../../support/reactRootPerTest.ts';

const HOUR = 3_600_000;
const none = { manual: 0, workflow_updated: 0, step_removed: 0, outgoing_message: 0, incoming_message: 0, manual_assignment: 0 };

/** The worker's answer at `asOf` with `stopped` runs stopped by an incoming message and `paused` runs paused, in the first of two stretches. */
function answer(asOf: number, stopped: number, paused: number): PopulationCharts {
  const stops: StopsOverTime = {
    end: 2 * HOUR - 1,
    asOf,
    bucketMs: HOUR,
    buckets: [
      { from: 0, to: HOUR, stopped: { ...none, incoming_message: stopped } },
      { from: HOUR, to: 2 * HOUR, stopped: none },
    ],
    total: { ...none, incoming_message: stopped },
  } as StopsOverTime;
  const pauses: PausesOverTime = {
    end: 2 * HOUR - 1,
    asOf,
    bucketMs: HOUR,
    buckets: [
      { from: 0, to: HOUR, paused, resumed: 0 },
      { from: HOUR, to: 2 * HOUR, paused: 0, resumed: 0 },
    ],
    total: { paused, resumed: 0 },
    pausedNow: paused,
  };
  return { ok: true, stops, pauses, funnel: { workflow: 'wf', steps: [] }, pausedAtSteps: { workflow: 'wf', steps: [] } } as unknown as PopulationCharts;
}

const root = reactRootPerTest();

const summary = (name: string) => [...root.host.querySelectorAll('figure')].find((figure) => figure.textContent?.includes(name))?.querySelector('.population-chart__summary')?.textContent ?? null;

describe('PopulationSection', () => {
  it('draws the pauses chart after the stops chart is on screen, not in the same drawing, and ends on the last answer', async () => {
    const answers = new Map([
      [HOUR / 2, answer(HOUR / 2, 3, 2)],
      [HOUR, answer(HOUR, 7, 5)],
    ]);
    const load = (time: number) => () => Promise.resolve(answers.get(time) ?? null);
    // Every drawing of the section that shows the stops chart: whether the pauses chart was in it too.
    const drawings: boolean[] = [];
    const observer = new MutationObserver(() => {
      if (summary('stopped over time')) drawings.push(summary('paused and resumed') !== null);
    });
    const host = root.mount(createElement(PopulationSection, { workflowId: 'wf', workflowName: 'Follow-up', time: HOUR / 2, load: load(HOUR / 2) }), { style: 'width: 720px' });
    observer.observe(host, { subtree: true, childList: true, characterData: true });
    await expect.poll(() => summary('paused and resumed')).toBe('2 runs paused and 0 resumed between +0 and +30m, in stretches of 1h; 2 still paused at +30m.');
    // The stops chart was on screen, drawn, before the pauses chart came.
    expect(drawings[0]).toBe(false);
    root.render(createElement(PopulationSection, { workflowId: 'wf', workflowName: 'Follow-up', time: HOUR, load: load(HOUR) }));
    await expect.poll(() => summary('stopped over time')).toContain('7 runs stopped between +0 and +1h');
    await expect.poll(() => summary('paused and resumed')).toBe('5 runs paused and 0 resumed between +0 and +1h, in stretches of 1h; 5 still paused at +1h.');
    observer.disconnect();
  });
});
