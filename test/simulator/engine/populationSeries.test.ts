// The population chart's data (issue 7, "Population chart"): when runs stopped and why, and how far
// runs got along a Workflow. Both are read from the engine's tables; here they are checked against
// the same numbers recounted the slow way from `runStates` and the materialized trace.
import { describe, expect, it } from 'vitest';
import { runStates, traceEntries } from '../../../simulator/engine/materialize.ts';
import { bucketWidth, pausedAtSteps, pausesOverTime, stepFunnel, stopsOverTime, timelineEnd } from '../../../simulator/engine/populationSeries.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { stepFunnelSchema, stopsOverTimeSchema, type StopCounts, type StopsOverTime } from '../../../simulator/schema/population.ts';
import { pausedAtStepsSchema, pausesOverTimeSchema } from '../../../simulator/schema/pauseSeries.ts';
import { stopReasonSchema, type Script } from '../../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { followUpSituation, hotLeadSituation } from '../../harness/exampleDocuments.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { followUpWorkflow, loopWorkflow, pauseOn } from '../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** No stop of any reason. */
const noStops = (): StopCounts => Object.fromEntries(stopReasonSchema.options.map((reason) => [reason, 0])) as StopCounts;

type Situation = { workflows: Workflow[]; script: Script };

const finished = (situation: Situation) => new Simulation(situation).runToEnd();

/** Stopped runs per reason, recounted from the runs' states (ended by `end` when given). */
function stoppedByReason(sim: Simulation, end = Infinity, workflow?: string): StopCounts {
  const counts = noStops();
  for (const run of runStates(sim))
    if (run.status === 'stopped' && (run.endedAt as number) <= end && (workflow === undefined || run.workflow === workflow))
      counts[run.reason as keyof StopCounts]++;
  return counts;
}

/** The buckets' sums per reason. */
function sums(series: StopsOverTime): StopCounts {
  const counts = noStops();
  for (const bucket of series.buckets) for (const reason of stopReasonSchema.options) counts[reason] += bucket.stopped[reason];
  return counts;
}

/** The buckets start at 0, follow each other without gap or overlap, and the last holds `end`. */
function expectCoverage(series: StopsOverTime, maxBuckets: number): void {
  const { buckets, bucketMs, end } = series;
  expect(buckets.length).toBeGreaterThanOrEqual(1);
  expect(buckets.length).toBeLessThanOrEqual(maxBuckets);
  expect(buckets[0]?.from).toBe(0);
  buckets.forEach((bucket, i) => {
    expect(bucket.from).toBe(i * bucketMs);
    expect(bucket.to).toBe(bucket.from + bucketMs);
  });
  const last = buckets[buckets.length - 1];
  expect(last?.from).toBeLessThanOrEqual(end);
  expect(last?.to).toBeGreaterThan(end);
}

const SITUATIONS: [string, () => Situation][] = [
  ['follow-up, a population of 1,000', () => followUpSituation('population.script.json')],
  ['follow-up, contact replies', () => followUpSituation('contact-replies.script.json')],
  ['follow-up, assigned', () => followUpSituation('assigned.script.json')],
  ['hot lead, agent takes over (two Workflows)', () => hotLeadSituation('agent-takes-over.script.json')],
  ['hot lead, agent stops it (two Workflows)', () => hotLeadSituation('agent-stops-it.script.json')],
];

describe('stopsOverTime', () => {
  it.each(SITUATIONS)('(%s) sums, per reason, to the stopped runs of runStates', (_name, situation) => {
    const sim = finished(situation());
    for (const buckets of [1, 7, 24, 60]) {
      const series = stopsOverTime(sim, buckets);
      expect(sums(series)).toEqual(stoppedByReason(sim));
      expect(series.total).toEqual(stoppedByReason(sim));
      expect(stopsOverTimeSchema.parse(series)).toEqual(series);
    }
  });

  it.each(SITUATIONS)('(%s) puts each stop in the bucket of its time, and the buckets cover the whole timeline', (_name, situation) => {
    const sim = finished(situation());
    const series = stopsOverTime(sim, 24);
    const entries = [...traceEntries(sim)];
    // The timeline ends with the last trace entry of a finished simulation.
    expect(series.end).toBe(entries[entries.length - 1]?.t);
    expect(series.asOf).toBe(series.end);
    expectCoverage(series, 24);
    const expected = series.buckets.map(() => noStops());
    for (const entry of entries)
      if (entry.kind === 'run.stopped') (expected[Math.floor(entry.t / series.bucketMs)] as StopCounts)[entry.reason as keyof StopCounts]++;
    expect(series.buckets.map((bucket) => bucket.stopped)).toEqual(expected);
  });

  it('shows the population: over two days, in round buckets, stopped by every exit condition', () => {
    const sim = finished(followUpSituation('population.script.json'));
    const series = stopsOverTime(sim, 24);
    expect(series.end).toBeGreaterThan(2 * DAY);
    expect(series.end).toBeLessThan(3 * DAY);
    expect(series.bucketMs).toBe(3 * HOUR);
    expect(series.buckets).toHaveLength(Math.floor(series.end / (3 * HOUR)) + 1);
    // The follow-up stops on outgoing and incoming messages and manual assignments; it has no Stop button.
    expect(series.total.manual).toBe(0);
    expect(series.total.outgoing_message).toBeGreaterThan(0);
    expect(series.total.incoming_message).toBeGreaterThan(0);
    expect(series.total.manual_assignment).toBeGreaterThan(0);
  });

  it('counts a manual stop as manual', () => {
    const sim = finished(hotLeadSituation('agent-stops-it.script.json'));
    expect(stopsOverTime(sim, 10).total.manual).toBe(stoppedByReason(sim).manual);
    expect(stoppedByReason(sim).manual).toBeGreaterThan(0);
  });

  it('counts one Workflow’s runs when asked, by id or by name', () => {
    const situation = hotLeadSituation('agent-stops-it.script.json');
    const sim = finished(situation);
    for (const workflow of situation.workflows) {
      const expected = stoppedByReason(sim, Infinity, workflow.id);
      expect(stopsOverTime(sim, 12, { workflow: workflow.id }).total).toEqual(expected);
      expect(stopsOverTime(sim, 12, { workflow: workflow.name }).total).toEqual(expected);
    }
    expect(() => stopsOverTime(sim, 12, { workflow: 'nope' })).toThrow('No Workflow "nope"');
  });

  it('gives zeros, over the whole timeline, for a script where no run stops', () => {
    const sim = finished(followUpSituation('nobody-answers.script.json'));
    expect(runStates(sim).some((run) => run.status === 'stopped')).toBe(false);
    const series = stopsOverTime(sim, 24);
    expect(series.end).toBe(DAY);
    expectCoverage(series, 24);
    for (const bucket of series.buckets) expect(bucket.stopped).toEqual(noStops());
    expect(series.total).toEqual(noStops());
  });

  it('gives one empty bucket before anything happened', () => {
    const sim = new Simulation(followUpSituation('population.script.json'));
    const series = stopsOverTime(sim, 24);
    expect(series).toEqual({ end: 0, asOf: 0, bucketMs: 1000, buckets: [{ from: 0, to: 1000, stopped: sums(series) }], total: sums(series) });
    expect(series.total).toEqual(noStops());
  });

  it('reads a partly played simulation up to its clock, or up to a fixed end that keeps the axis still', () => {
    const whole = finished(followUpSituation('population.script.json'));
    const end = timelineEnd(whole);
    const sim = new Simulation(followUpSituation('population.script.json'));
    sim.runUntil(DAY);
    const sofar = stopsOverTime(sim, 24);
    expect(sofar.end).toBe(DAY);
    expect(sofar.asOf).toBe(DAY);
    expectCoverage(sofar, 24);
    expect(sofar.total).toEqual(stoppedByReason(sim));
    const fixed = stopsOverTime(sim, 24, { end });
    expect(fixed.end).toBe(end);
    // Counted as of the clock, shown against the whole timeline.
    expect(fixed.asOf).toBe(DAY);
    expect(fixed.bucketMs).toBe(stopsOverTime(whole, 24).bucketMs);
    expect(fixed.total).toEqual(stoppedByReason(sim));
    // Later stops are not shown yet: the buckets past the clock are empty.
    for (const bucket of fixed.buckets) if (bucket.from > DAY) expect(Object.values(bucket.stopped).every((n) => n === 0)).toBe(true);
    // A fixed end before some stops leaves them out.
    const early = stopsOverTime(whole, 24, { end: 12 * HOUR });
    expectCoverage(early, 24);
    expect(early.total).toEqual(stoppedByReason(whole, 12 * HOUR));
    expect(early.asOf).toBe(12 * HOUR);
  });

  it('refuses a count of buckets that is not a whole number of at least one', () => {
    const sim = finished(followUpSituation('contact-replies.script.json'));
    for (const buckets of [0, -1, 2.5, Number.NaN]) expect(() => stopsOverTime(sim, buckets)).toThrow(RangeError);
  });
});

describe('bucketWidth', () => {
  it('is the roundest width that fits the timeline in the buckets', () => {
    expect(bucketWidth(0, 24)).toBe(1000);
    expect(bucketWidth(3 * HOUR, 24)).toBe(10 * 60_000);
    expect(bucketWidth(3 * DAY, 24)).toBe(4 * HOUR);
    expect(bucketWidth(3 * DAY, 1)).toBe(7 * DAY);
    expect(bucketWidth(DAY, 24)).toBe(2 * HOUR);
    expect(bucketWidth(DAY - 1, 24)).toBe(HOUR);
  });

  it('grows by whole weeks past a week, always within the buckets', () => {
    for (const end of [ms('+30d'), ms('+365d'), 10 * 365 * DAY])
      for (const buckets of [1, 5, 24, 100]) {
        const width = bucketWidth(end, buckets);
        expect(Math.floor(end / width)).toBeLessThan(buckets);
        if (width >= 7 * DAY) expect(width % (7 * DAY)).toBe(0);
      }
  });
});

describe('stepFunnel', () => {
  it.each(SITUATIONS)('(%s) counts each step’s trace entries, in path order, and where the runs are', (_name, situation) => {
    const input = situation();
    const sim = finished(input);
    const entries = [...traceEntries(sim)];
    const runs = runStates(sim);
    for (const workflow of input.workflows) {
      const funnel = stepFunnel(sim, workflow.id);
      expect(stepFunnelSchema.parse(funnel)).toEqual(funnel);
      expect(funnel.name).toBe(workflow.name);
      expect(funnel.steps[0]?.step).toBe(workflow.trigger.id);
      expect(new Set(funnel.steps.map((step) => step.step))).toEqual(new Set([workflow.trigger.id, ...workflow.steps.map((step) => step.id)]));
      for (const step of funnel.steps) {
        const mine = entries.filter((entry) => entry.workflow === workflow.id);
        // The trigger is never executed as a step: a run reaches it by starting.
        const passes =
          step.step === workflow.trigger.id ? mine.filter((entry) => entry.kind === 'run.started') : mine.filter((entry) => entry.kind === 'step' && entry.step === step.step);
        expect(step.passes).toBe(passes.length);
        expect(step.reached).toBe(new Set(passes.map((entry) => entry.run)).size);
        const here = runs.filter((run) => run.workflow === workflow.id && run.atStep === step.step);
        expect(step.waiting).toBe(here.filter((run) => run.status === 'active').length);
        expect(step.completed).toBe(here.filter((run) => run.status === 'completed').length);
        expect(step.failed).toBe(here.filter((run) => run.status === 'failed').length);
        for (const reason of stopReasonSchema.options)
          expect(step.stopped[reason]).toBe(here.filter((run) => run.status === 'stopped' && run.reason === reason).length);
      }
    }
  });

  it('follows the follow-up from the trigger to the end; every run started reached the acknowledgement', () => {
    const sim = finished(followUpSituation('population.script.json'));
    const funnel = stepFunnel(sim, 'follow-up');
    expect(funnel.steps.map((step) => step.step)).toEqual(['trigger', 'ack', 'wait', 'check-in', 'done']);
    const [trigger, ack, wait, checkIn, done] = funnel.steps;
    expect(trigger?.reached).toBe(sim.runs.length);
    expect(ack?.reached).toBe(trigger?.reached);
    expect(wait?.reached).toBe(ack?.reached);
    // Runs stop while they wait: fewer get to the check-in.
    expect(checkIn?.reached).toBeLessThan(wait?.reached as number);
    expect(done?.reached).toBe(checkIn?.reached);
    expect(done?.completed).toBe(done?.reached);
    // No loop: each run passes each step once.
    for (const step of funnel.steps) expect(step.passes).toBe(step.reached);
    // By name as by id.
    expect(stepFunnel(sim, '24h follow-up')).toEqual(funnel);
  });

  it('counts a run once at a step a loop brings it back to, and orders steps breadth-first through branches and jumps', () => {
    const result = harness(loopWorkflow()).at('+0').contactSays('Hi').at('+3h30m').addTag('done').run();
    const funnel = stepFunnel(result.simulation, 'loop');
    expect(funnel.steps.map((step) => step.step)).toEqual(['trigger', 'remind', 'wait-1h', 'check', 'end', 'again']);
    const remind = funnel.steps.find((step) => step.step === 'remind');
    expect(remind?.reached).toBe(1);
    expect(remind?.passes).toBe(result.entries({ kind: 'step', step: 'remind' }).length);
    expect(remind?.passes).toBe(4);
    expect(funnel.steps.find((step) => step.step === 'end')).toMatchObject({ reached: 1, completed: 1 });
  });

  it('gives zeros for a Workflow nothing started', () => {
    const sim = new Simulation(followUpSituation('population.script.json'));
    const funnel = stepFunnel(sim, 'follow-up');
    for (const step of funnel.steps) expect([step.reached, step.passes, step.waiting, step.completed, step.failed]).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses an unknown Workflow', () => {
    const sim = finished(followUpSituation('contact-replies.script.json'));
    expect(() => stepFunnel(sim, 'nope')).toThrow('No Workflow "nope" in this simulation');
  });
});

// ── pauses and resumes (the hand-back) ─────────────────────────────────────────────────────────

/** The follow-up pausing on an agent's message and on an assignment (stopping on a reply), resuming after 2h of quiet. */
const HAND_BACK: WorkflowSettings = {
  manualStop: false,
  exitConditions: {
    enabled: true,
    on: ['outgoing_message', 'incoming_message', 'manual_assignment'],
    actions: { outgoing_message: 'pause', manual_assignment: 'pause' },
  },
  pause: { resume: { on: 'silence', after: '2h' } },
};

/** Paused runs per step now, recounted from the runs' states. */
function pausedByStep(sim: Simulation, workflow: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runStates(sim)) if (run.workflow === workflow && run.status === 'paused') counts.set(run.atStep as string, (counts.get(run.atStep as string) ?? 0) + 1);
  return counts;
}

describe('pausesOverTime and pausedAtSteps', () => {
  it('one hand-back: paused at +1h, still paused at +2h, resumed at +3h', () => {
    const script = harness(followUpWorkflow(pauseOn(['outgoing_message']))).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').script();
    const sim = new Simulation({ workflows: [followUpWorkflow(pauseOn(['outgoing_message']))], script });
    sim.runUntil(ms('+2h'));
    const during = pausesOverTime(sim, 4);
    expect(during.bucketMs).toBe(stopsOverTime(sim, 4).bucketMs);
    expect(during.total).toEqual({ paused: 1, resumed: 0 });
    expect(during.pausedNow).toBe(1);
    expect(during.buckets.find((bucket) => bucket.paused > 0)).toMatchObject({ from: ms('+1h') - (ms('+1h') % during.bucketMs), paused: 1 });
    expect(pausedAtSteps(sim, 'follow-up')).toEqual({ workflow: 'follow-up', steps: [{ step: 'wait-24h', paused: 1 }] });

    sim.runToEnd();
    const after = pausesOverTime(sim, 24);
    expect(after.total).toEqual({ paused: 1, resumed: 1 });
    expect(after.pausedNow).toBe(0);
    expect(after.buckets[Math.floor(ms('+3h') / after.bucketMs)]?.resumed).toBe(1);
    expect(pausedAtSteps(sim, 'follow-up').steps).toEqual([]);
  });

  it('the population handed back: every pause and resume of the trace in the bucket of its time, in the stops’ buckets; the paused runs per step as runStates has them', () => {
    const situation = followUpSituation('population.script.json', HAND_BACK);
    const sim = new Simulation(situation);
    const end = timelineEnd(finished(followUpSituation('population.script.json', HAND_BACK)));
    for (const until of [DAY, end]) {
      sim.runUntil(until);
      const series = pausesOverTime(sim, 24, { end });
      expect(pausesOverTimeSchema.parse(series)).toEqual(series);
      const stops = stopsOverTime(sim, 24, { end });
      expect([series.bucketMs, series.buckets.length, series.end, series.asOf]).toEqual([stops.bucketMs, stops.buckets.length, stops.end, stops.asOf]);
      const expected = series.buckets.map(() => ({ paused: 0, resumed: 0 }));
      for (const entry of traceEntries(sim)) {
        const bucket = expected[Math.floor(entry.t / series.bucketMs)] as { paused: number; resumed: number };
        if (entry.kind === 'run.paused') bucket.paused++;
        if (entry.kind === 'run.resumed') bucket.resumed++;
      }
      expect(series.buckets.map(({ paused, resumed }) => ({ paused, resumed }))).toEqual(expected);
      expect(series.total.paused).toBeGreaterThan(0);
      const paused = pausedByStep(sim, 'follow-up');
      expect(series.pausedNow).toBe([...paused.values()].reduce((sum, n) => sum + n, 0));
      const atSteps = pausedAtSteps(sim, '24h follow-up');
      expect(pausedAtStepsSchema.parse(atSteps)).toEqual(atSteps);
      expect(new Map(atSteps.steps.map(({ step, paused: n }) => [step, n]))).toEqual(paused);
    }
    // A day in, some runs are held for the team.
    const dayOne = new Simulation(situation);
    dayOne.runUntil(DAY);
    expect(pausesOverTime(dayOne, 24).pausedNow).toBeGreaterThan(0);
  });

  it('counts nothing for a Workflow that never pauses, one Workflow’s runs when asked, and refuses an unknown one', () => {
    const sim = finished(followUpSituation('population.script.json'));
    const series = pausesOverTime(sim, 24);
    expect(series.total).toEqual({ paused: 0, resumed: 0 });
    expect(series.pausedNow).toBe(0);
    expect(pausedAtSteps(sim, 'follow-up').steps).toEqual([]);
    const hot = finished(hotLeadSituation('agent-takes-over.script.json'));
    expect(pausesOverTime(hot, 12, { workflow: 'VIP routing' }).total).toEqual({ paused: 0, resumed: 0 });
    expect(() => pausesOverTime(hot, 12, { workflow: 'nope' })).toThrow('No Workflow "nope"');
    expect(() => pausedAtSteps(hot, 'nope')).toThrow('No Workflow "nope"');
    expect(() => pausesOverTime(hot, 0)).toThrow(RangeError);
  });
});
