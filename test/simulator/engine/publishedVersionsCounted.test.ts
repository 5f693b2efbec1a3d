// A publish brings a second compiled version of a Workflow into the simulation: the canvas counts
// and the population charts still count one Workflow, each run at the step of the same id.
import { describe, expect, it } from 'vitest';
import { nodeStats, StepPassCounter } from '../../../simulator/engine/nodeStats.ts';
import { pausedAtSteps, pausesOverTime, stepFunnel, stopsOverTime } from '../../../simulator/engine/populationSeries.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { buildWorkflow, FOLLOW_UP, followUpWorkflow, steps, type SettingsInput } from '../../harness/workflowFixtures.ts';

/** An agent's message stops the run. */
const AGENT_STOPS: SettingsInput = { manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message'] } };

/** Version 2: the same steps (same ids) but the Wait down to 2h and its label with it. */
const followUpV2 = (): Workflow =>
  buildWorkflow({
    id: 'follow-up',
    name: 'Follow-up',
    trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    steps: [steps.send('greet', FOLLOW_UP.greeting, 'Greeting'), steps.wait('wait-24h', '2h', 'Wait 2h'), steps.send('follow-up', 'Sooner now!', 'Follow-up'), steps.end()],
    edges: ['trigger>greet', 'greet>wait-24h', 'wait-24h>follow-up', 'follow-up>end'],
    settings: AGENT_STOPS,
  });

/**
 * Dana's run starts on version 1 and is moved at +1h; Omar's starts on version 2 at +2h; Lee's
 * starts on version 2 at +3h and is stopped by the agent's reply at +3h30m.
 */
const moved = () =>
  harness(followUpWorkflow(AGENT_STOPS))
    .contact('dana')
    .contact('omar')
    .contact('lee')
    .user('alice')
    .as('dana')
    .at('+0')
    .contactSays('Hi')
    .at('+1h')
    .publish(followUpV2(), 'move')
    .as('omar')
    .at('+2h')
    .contactSays('Hello')
    .as('lee')
    .at('+3h')
    .contactSays('Hey')
    .at('+3h30m')
    .agentSays('alice', 'Taking this one')
    .run();

describe('a Workflow with a published version, counted once', () => {
  it('the canvas counts: one entry per step, with the runs of both versions', () => {
    const { simulation } = moved();
    const stats = nodeStats(simulation, new StepPassCounter(simulation));
    const keys = stats.map((stat) => `${stat.workflow}/${stat.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    const greet = stats.find((stat) => stat.step === 'greet');
    expect(greet?.passed).toBe(3);
    const end = stats.find((stat) => stat.step === 'end');
    expect(end?.completed).toBe(2);
    expect(stats.find((stat) => stat.step === 'wait-24h')?.stopped).toEqual({ outgoing_message: 1 });
  });

  it('the funnel and the charts count the runs of every version of the Workflow', () => {
    const { simulation } = moved();
    const funnel = stepFunnel(simulation, 'follow-up');
    expect(funnel.steps.map((step) => [step.step, step.reached])).toEqual([
      ['trigger', 3],
      ['greet', 3],
      ['wait-24h', 3],
      ['follow-up', 2],
      ['end', 2],
    ]);
    expect(funnel.steps.find((step) => step.step === 'end')?.completed).toBe(2);
    expect(stopsOverTime(simulation, 4, { workflow: 'follow-up', end: ms('+1d') }).total.outgoing_message).toBe(1);
    expect(pausesOverTime(simulation, 4, { workflow: 'follow-up' }).pausedNow).toBe(0);
    expect(pausedAtSteps(simulation, 'follow-up').steps).toEqual([]);
  });
});
