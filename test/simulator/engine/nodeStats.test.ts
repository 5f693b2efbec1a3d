// Per-step counts for the canvas (many contacts at once: per step, how many runs passed,
// waited, completed, or stopped and by which reason). `nodeStats` reads the run table and a
// `StepPassCounter` that counts the trace incrementally; here both are checked against counts
// recomputed the slow way from the materialized trace and the runs' states.
import { describe, expect, it } from 'vitest';
import { runStates, traceEntries } from '../../../simulator/engine/materialize.ts';
import { nodeStats, StepPassCounter } from '../../../simulator/engine/nodeStats.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { nodeStatSchema, type NodeStat } from '../../../simulator/schema/playback.ts';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script, StopReason } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { followUpSituation, hotLeadSituation } from '../../harness/exampleDocuments.ts';
import { runawayLoopWorkflow } from '../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;

type Situation = { workflows: Workflow[]; script: Script };

/** The counts `nodeStats` should give, recomputed from `traceEntries` and `runStates` alone. */
function recount(sim: Simulation, workflows: readonly Workflow[]): NodeStat[] {
  const entries = [...traceEntries(sim)];
  const runs = runStates(sim);
  const stats: NodeStat[] = [];
  for (const workflow of workflows)
    for (const step of [workflow.trigger.id, ...workflow.steps.map((s) => s.id)]) {
      const here = runs.filter((run) => run.workflow === workflow.id && run.atStep === step);
      const count = (status: string) => here.filter((run) => run.status === status).length;
      const stopped: NodeStat['stopped'] = {};
      for (const run of here) if (run.status === 'stopped') stopped[run.reason as StopReason] = (stopped[run.reason as StopReason] ?? 0) + 1;
      const passed = entries.filter((entry) => entry.kind === 'step' && entry.workflow === workflow.id && entry.step === step).length;
      if (passed + here.length === 0) continue;
      stats.push({ workflow: workflow.id, step, passed, waiting: count('active'), paused: count('paused'), completed: count('completed'), failed: count('failed'), stopped });
    }
  return stats;
}

const statOf = (stats: readonly NodeStat[], step: string, workflow?: string) =>
  stats.find((stat) => stat.step === step && (workflow === undefined || stat.workflow === workflow));

/** Runs ended or waiting at a step: every run is at exactly one step, so these add up to the runs. */
const runsAt = (stat: NodeStat) => stat.waiting + stat.paused + stat.completed + stat.failed + Object.values(stat.stopped).reduce((a, b) => a + (b ?? 0), 0);

const SITUATIONS: [string, () => Situation][] = [
  ['follow-up, contact replies', () => followUpSituation('contact-replies.script.json')],
  ['follow-up, nobody answers', () => followUpSituation('nobody-answers.script.json')],
  ['follow-up, assigned', () => followUpSituation('assigned.script.json')],
  ['hot lead, agent takes over (two Workflows)', () => hotLeadSituation('agent-takes-over.script.json')],
  ['hot lead, agent stops it (two Workflows)', () => hotLeadSituation('agent-stops-it.script.json')],
  ['hot lead, contact answers the question (two Workflows)', () => hotLeadSituation('contact-answers-question.script.json')],
  ['follow-up, a population of 1,000', () => followUpSituation('population.script.json')],
  [
    'follow-up handing back: a population of 1,000 whose agent messages pause runs, resumed after 2h of quiet',
    () =>
      followUpSituation('population.script.json', {
        manualStop: false,
        exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message', 'manual_assignment'], actions: { outgoing_message: 'pause' } },
        pause: { resume: { on: 'silence', after: '2h' } },
      }),
  ],
];

const INSTANTS = [0, 5 * 60_000, HOUR, 3 * HOUR, 12 * HOUR, 24 * HOUR, 36 * HOUR, 72 * HOUR, 200 * HOUR];

describe('nodeStats', () => {
  it.each(SITUATIONS)('(%s) equals the counts recomputed from the trace and the runs, at every instant, counted incrementally', (_name, situation) => {
    const input = situation();
    const sim = new Simulation(input);
    const passes = new StepPassCounter(sim);
    let checked = 0;
    for (const t of INSTANTS) {
      sim.runUntil(t);
      const stats = nodeStats(sim, passes);
      expect(stats).toEqual(recount(sim, input.workflows));
      for (const stat of stats) expect(nodeStatSchema.parse(stat)).toEqual(stat);
      if (stats.length > 0) checked++;
    }
    // Something was counted: the comparison was not between two empty lists.
    expect(checked).toBeGreaterThan(0);
    expect(sim.runs.length).toBeGreaterThan(0);
  });

  it.each(SITUATIONS)('(%s) accounts for every run exactly once, per Workflow', (_name, situation) => {
    const input = situation();
    const sim = new Simulation(input);
    const passes = new StepPassCounter(sim);
    for (const t of INSTANTS) {
      sim.runUntil(t);
      const stats = nodeStats(sim, passes);
      const runs = runStates(sim);
      for (const workflow of input.workflows) {
        const counted = stats.filter((stat) => stat.workflow === workflow.id).reduce((sum, stat) => sum + runsAt(stat), 0);
        expect(counted).toBe(runs.filter((run) => run.workflow === workflow.id).length);
      }
    }
  });

  it('follow-up, contact replies at +3h: the run waits at "wait", then stops there by incoming message; "check-in" is never passed', () => {
    const sim = new Simulation(followUpSituation('contact-replies.script.json'));
    const passes = new StepPassCounter(sim);

    sim.runUntil(HOUR);
    const waiting = nodeStats(sim, passes);
    expect(statOf(waiting, 'ack')).toEqual({ workflow: 'follow-up', step: 'ack', passed: 1, waiting: 0, paused: 0, completed: 0, failed: 0, stopped: {} });
    expect(statOf(waiting, 'wait')).toEqual({ workflow: 'follow-up', step: 'wait', passed: 1, waiting: 1, paused: 0, completed: 0, failed: 0, stopped: {} });
    // Nothing reached them: no entry at all (not an entry of zeros).
    expect(statOf(waiting, 'check-in')).toBeUndefined();
    expect(statOf(waiting, 'trigger')).toBeUndefined();

    sim.runToEnd();
    const stopped = nodeStats(sim, passes);
    expect(statOf(stopped, 'wait')).toEqual({ workflow: 'follow-up', step: 'wait', passed: 1, waiting: 0, paused: 0, completed: 0, failed: 0, stopped: { incoming_message: 1 } });
    expect(statOf(stopped, 'check-in')?.passed ?? 0).toBe(0);
    expect(statOf(stopped, 'done')).toBeUndefined();
  });

  it('follow-up, nobody answers: the run passes every step and completes at "done"', () => {
    const sim = new Simulation(followUpSituation('nobody-answers.script.json')).runToEnd();
    const stats = nodeStats(sim, new StepPassCounter(sim));
    expect(stats.map((stat) => [stat.step, stat.passed, stat.waiting, stat.completed])).toEqual([
      ['ack', 1, 0, 0],
      ['wait', 1, 0, 0],
      ['check-in', 1, 0, 0],
      ['done', 1, 0, 1],
    ]);
    expect(stats.every((stat) => Object.keys(stat.stopped).length === 0 && stat.failed === 0)).toBe(true);
  });

  it('a runaway loop: the failed run is counted at the step where it failed, and every pass through the loop is counted', () => {
    const script = parseScriptDocument({
      format: 'exitflow.script/1',
      name: 'Runaway',
      start: '2026-01-05T09:00:00Z',
      contacts: [{ id: 'omar', name: 'Omar' }],
      events: [{ at: '+0', contact: 'omar', type: 'contact.message', text: 'Hi' }],
    });
    if (!script.ok) throw new Error('the runaway script does not parse');
    const workflows = [runawayLoopWorkflow()];
    const sim = new Simulation({ workflows, script: script.value }).runToEnd();
    const stats = nodeStats(sim, new StepPassCounter(sim));
    const [run] = runStates(sim);
    expect(run).toMatchObject({ status: 'failed', reason: 'loop' });
    expect(stats).toEqual(recount(sim, workflows));
    expect(statOf(stats, run?.atStep ?? '')?.failed).toBe(1);
    // Looping: the first step was passed many times by one run.
    expect(statOf(stats, 'tick')?.passed).toBeGreaterThan(1);
    expect(stats.reduce((sum, stat) => sum + runsAt(stat), 0)).toBe(1);
  });

  it('counts stops by each reason at the step they happened at, and only reasons that happened', () => {
    const input = followUpSituation('population.script.json');
    const sim = new Simulation(input).runToEnd();
    const stats = nodeStats(sim, new StepPassCounter(sim));
    const wait = statOf(stats, 'wait');
    // The population's events race the follow-up: each exit condition stops some runs at the wait (a
    // contact's second message stops the run its first began, the agent's answer one begun by a second
    // message that came over a day late, the assignment the run of its third).
    expect(Object.keys(wait?.stopped ?? {}).sort()).toEqual(['incoming_message', 'manual_assignment', 'outgoing_message']);
    for (const stat of stats) for (const count of Object.values(stat.stopped)) expect(count).toBeGreaterThan(0);
    expect(stats).toEqual(recount(sim, input.workflows));
  });
});

describe('StepPassCounter', () => {
  it('reads only the rows added since the last update: updating often counts what updating once counts', () => {
    const input = followUpSituation('population.script.json');
    const sim = new Simulation(input);
    const often = new StepPassCounter(sim);
    const steps = ['trigger', 'ack', 'wait', 'check-in', 'done'];
    let previous = steps.map(() => 0);
    for (let t = 0; t <= 120 * HOUR; t += 2 * HOUR) {
      sim.runUntil(t);
      often.update();
      // Twice in a row adds nothing.
      often.update();
      const now = steps.map((_, node) => often.passed(0, node));
      now.forEach((count, node) => expect(count).toBeGreaterThanOrEqual(previous[node] ?? 0));
      previous = now;
    }
    sim.runToEnd();
    often.update();
    const once = new StepPassCounter(sim);
    once.update();
    expect(steps.map((_, node) => often.passed(0, node))).toEqual(steps.map((_, node) => once.passed(0, node)));
    expect(once.passed(0, 1)).toBe(runStates(sim).length);
    // Unknown Workflows and steps count nothing, rather than throwing.
    expect(once.passed(5, 0)).toBe(0);
    expect(once.passed(0, 99)).toBe(0);
  });

  it('counts nothing before update is called', () => {
    const sim = new Simulation(followUpSituation('nobody-answers.script.json')).runToEnd();
    const passes = new StepPassCounter(sim);
    expect(passes.passed(0, 1)).toBe(0);
    passes.update();
    expect(passes.passed(0, 1)).toBe(1);
  });
});

describe('nodeStats: paused runs', () => {
  it('counts a run paused at its Wait as paused there, not waiting, until it resumes', () => {
    const settings = {
      manualStop: false,
      exitConditions: { enabled: true, on: ['outgoing_message' as const], actions: { outgoing_message: 'pause' as const } },
      pause: { resume: { on: 'silence' as const, after: '2h' } },
    };
    // Alice answers at +45m: paused there until +2h45m.
    const sim = new Simulation(followUpSituation('agent-answers.script.json', settings));
    const passes = new StepPassCounter(sim);
    const atWait = (time: number) => {
      sim.runUntil(time);
      const wait = nodeStats(sim, passes).find((stat) => stat.step === 'wait');
      return { waiting: wait?.waiting, paused: wait?.paused };
    };
    expect(atWait(30 * 60_000)).toEqual({ waiting: 1, paused: 0 });
    expect(atWait(HOUR)).toEqual({ waiting: 0, paused: 1 });
    expect(atWait(3 * HOUR)).toEqual({ waiting: 1, paused: 0 });
  });
});
