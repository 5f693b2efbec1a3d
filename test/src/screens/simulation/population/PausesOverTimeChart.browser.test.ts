import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PausesOverTime } from '../../../../../simulator/schema/pauseSeries.ts';
import { PausesOverTimeChart } from '../../../../../src/screens/simulation/population/PausesOverTimeChart.tsx';
import { reactRootPerTest } from '../../../../support/reactRootPerTest.ts';

const HOUR = 3_600_000;

/** Four stretches of an hour: counts chosen so that each bar's height is a known share of the tallest. */
function series(asOf: number, counts: readonly (readonly [number, number])[]): PausesOverTime {
  const buckets = counts.map(([paused, resumed], i) => ({ from: i * HOUR, to: (i + 1) * HOUR, paused, resumed }));
  const total = { paused: counts.reduce((sum, [paused]) => sum + paused, 0), resumed: counts.reduce((sum, [, resumed]) => sum + resumed, 0) };
  return { end: counts.length * HOUR - 1, asOf, bucketMs: HOUR, buckets, total, pausedNow: total.paused - total.resumed };
}

const root = reactRootPerTest();

function mount(shown: PausesOverTime) {
  root.mount(createElement(PausesOverTimeChart, { series: shown }), { style: 'width: 720px' });
}

const rects = (kind: 'paused' | 'resumed') => [...root.host.querySelectorAll<SVGRectElement>(`.population-chart__segment--${kind}`)];
const height = (rect: SVGRectElement) => Number(rect.getAttribute('height'));

describe('PausesOverTimeChart', () => {
  it('draws each stretch’s paused and resumed bars side by side, each as tall as its own count', async () => {
    mount(series(4 * HOUR - 1, [[8, 2], [0, 6], [4, 4], [0, 0]]));
    await expect.poll(() => rects('paused').length).toBe(2);
    // No bar for a count of 0: stretches 1 and 3 have no pause, stretches 0, 1, 2 a resume.
    expect(rects('resumed')).toHaveLength(3);
    const [paused0, paused2] = rects('paused') as [SVGRectElement, SVGRectElement];
    const [resumed0, resumed1, resumed2] = rects('resumed') as [SVGRectElement, SVGRectElement, SVGRectElement];
    // Heights in the counts' proportions (8 the tallest): the axis is linear from 0.
    expect(height(resumed0) / height(paused0)).toBeCloseTo(2 / 8, 5);
    expect(height(resumed1) / height(paused0)).toBeCloseTo(6 / 8, 5);
    expect(height(paused2) / height(paused0)).toBeCloseTo(4 / 8, 5);
    expect(height(resumed2)).toBeCloseTo(height(paused2), 5);
    // Every bar stands on the same baseline; paused on the left of its stretch, resumed on its right, not overlapping.
    const bottoms = [paused0, paused2, resumed0, resumed1, resumed2].map((rect) => Number(rect.getAttribute('y')) + height(rect));
    for (const bottom of bottoms) expect(bottom).toBeCloseTo(bottoms[0] as number, 5);
    expect(Number(resumed0.getAttribute('x'))).toBeGreaterThanOrEqual(Number(paused0.getAttribute('x')) + Number(paused0.getAttribute('width')));
  });

  it('leaves the bars as drawn when only the instant moves on, and redraws them when a count changes', async () => {
    mount(series(HOUR, [[8, 2], [0, 6], [4, 4], [0, 0]]));
    await expect.poll(() => rects('paused').length).toBe(2);
    const plot = root.host.querySelector('svg.recharts-surface') as SVGSVGElement;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(plot, { subtree: true, childList: true, attributes: true, characterData: true });
    // A new answer of the worker, the same stretches: the caption says the new instant, the plot is untouched.
    root.render(createElement(PausesOverTimeChart, { series: series(2 * HOUR, [[8, 2], [0, 6], [4, 4], [0, 0]]) }));
    await expect.poll(() => root.host.querySelector('figcaption')?.textContent).toContain('+2h');
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))));
    expect(changes.filter((change) => change.target !== plot || change.type !== 'attributes')).toEqual([]);
    // One count more: drawn.
    root.render(createElement(PausesOverTimeChart, { series: series(3 * HOUR, [[8, 2], [0, 6], [4, 4], [0, 1]]) }));
    await expect.poll(() => rects('resumed').length).toBe(4);
    observer.disconnect();
  });
});
