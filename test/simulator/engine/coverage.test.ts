// Coverage: which steps and paths of the Workflows some run took, read from finished simulations'
// traces and merged over a situation's scripts. Every figure here is counted by hand from the
// fixtures' graphs (test/harness/workflowFixtures.ts) and the scripts' stories.
import { describe, expect, it } from 'vitest';
import { coverage, CoverageTally } from '../../../simulator/engine/coverage.ts';
import type { Simulation } from '../../../simulator/engine/simulation.ts';
import { coverageOutcomeSchema, type Coverage } from '../../../simulator/schema/coverage.ts';
import { CoverageService } from '../../../simulator/service/coverageService.ts';
import { harness, type SimulationHarness } from '../../harness/simulationHarness.ts';
import { buildWorkflow, exitOn, followUpWorkflow, loopWorkflow, nurtureWorkflow, questionWorkflow, steps } from '../../harness/workflowFixtures.ts';

const simulated = (h: SimulationHarness): Simulation => h.prepare().simulation.runToEnd();
const uncovered = (result: Coverage) => result.uncovered.map((item) => (item.kind === 'step' ? item.step : item.edge));
const taken = (result: Coverage) => Object.fromEntries(result.perEdge.map((edge) => [edge.edge, edge.taken]));

describe('coverage of one Workflow, counted by hand', () => {
  // Qualify lead: 6 steps (ask, got-it, no-rush, wait-24h, nudge, end) and 7 connections:
  // e0 trigger>ask, e1 ask:answered>got-it, e2 ask:timeout>no-rush, e3 no-rush>wait-24h,
  // e4 got-it>wait-24h, e5 wait-24h>nudge, e6 nudge>end.
  const silent = harness(questionWorkflow()).contact('dana').at('+0').contactSays('Hi');
  const answers = harness(questionWorkflow()).contact('dana').at('+0').contactSays('Hi').at('+10m').contactSays('A demo');

  it('an Ask that times out: its timeout path is taken, its answered path and the step after it are not', () => {
    const result = coverage(silent.workflows(), [simulated(silent)]);
    expect(result.steps).toEqual({ covered: 5, total: 6 });
    expect(result.edges).toEqual({ covered: 5, total: 7 });
    expect(result.uncovered).toEqual([
      { kind: 'step', workflow: 'question', step: 'got-it', label: 'Got it' },
      { kind: 'edge', workflow: 'question', edge: 'e1', source: 'ask', output: 'answered', target: 'got-it' },
      { kind: 'edge', workflow: 'question', edge: 'e4', source: 'got-it', output: 'next', target: 'wait-24h' },
    ]);
    expect(result.perStep.find((step) => step.step === 'no-rush')).toEqual({ workflow: 'question', step: 'no-rush', label: 'No rush', entered: 1 });
  });

  it('merged with a script where the contact answers, every step and path is covered', () => {
    const result = coverage(silent.workflows(), [simulated(silent), simulated(answers)]);
    expect(result).toMatchObject({ steps: { covered: 6, total: 6 }, edges: { covered: 7, total: 7 }, uncovered: [], scripts: 2, stoppedShort: [] });
    expect(taken(result)).toEqual({ e0: 2, e1: 1, e2: 1, e3: 1, e4: 1, e5: 2, e6: 2 });
    expect(result.workflows).toEqual([{ workflow: 'question', name: 'Qualify lead', steps: { covered: 6, total: 6 }, edges: { covered: 7, total: 7 } }]);
  });

  // Nurture: 10 steps (greet, wait-24h, follow-up, end; why, note, untag, handed-over, bye,
  // to-sales) and 11 connections: e0 trigger>greet, e1 greet>wait-24h, e2 wait-24h>follow-up,
  // e3 follow-up>end, e4 when-stopped>why, e5 why:manual>note, e6 why:else>untag, e7 note>untag,
  // e8 untag>handed-over, e9 handed-over>bye, e10 bye>to-sales.
  const settings = exitOn(['incoming_message'], true);
  const writesAgain = harness(nurtureWorkflow(settings)).contact('dana').at('+0').contactSays('Hi').at('+3h').contactSays('Not interested');
  const stoppedByHand = harness(nurtureWorkflow(settings)).user('alice').contact('dana').at('+0').contactSays('Hi').at('+1h').stop('alice', 'nurture');

  it('the When stopped path: a stop by an incoming message takes the Stop reason branch\'s Else', () => {
    const result = coverage(writesAgain.workflows(), [simulated(writesAgain)]);
    expect(result.steps).toEqual({ covered: 7, total: 10 });
    expect(result.edges).toEqual({ covered: 7, total: 11 });
    expect(uncovered(result)).toEqual(['follow-up', 'end', 'note', 'e2', 'e3', 'e5', 'e7']);
  });

  it('with a stop by hand beside it, the manual output and its note are covered too; the follow-up stays unreached', () => {
    const result = coverage(writesAgain.workflows(), [simulated(writesAgain), simulated(stoppedByHand)]);
    expect(result.steps).toEqual({ covered: 8, total: 10 });
    expect(result.edges).toEqual({ covered: 9, total: 11 });
    expect(uncovered(result)).toEqual(['follow-up', 'end', 'e2', 'e3']);
    expect(taken(result)).toMatchObject({ e4: 2, e5: 1, e6: 1, e7: 1, e8: 2 });
  });

  it('a Jump to is a path of its own, and a path taken twice counts twice', () => {
    // Reminder loop: remind, wait-1h, check, again, end; e0 trigger>remind, e1 remind>wait-1h,
    // e2 wait-1h>check, e3 check:done>end, e4 check:else>again, and the Jump to's link again>remind.
    const h = harness(loopWorkflow()).contact('dana').at('+0').contactSays('Hi').at('+90m').addTag('done');
    const result = coverage(h.workflows(), [simulated(h)]);
    expect(result).toMatchObject({ steps: { covered: 5, total: 5 }, edges: { covered: 6, total: 6 } });
    expect(taken(result)).toEqual({ e0: 1, e1: 2, e2: 2, e3: 1, e4: 1, again: 1 });
    expect(result.perEdge.find((edge) => edge.kind === 'jump')).toEqual({ workflow: 'loop', edge: 'again', kind: 'jump', source: 'again', output: 'jump', target: 'remind', taken: 1 });
  });

  it('a test run started at a step took no path to it', () => {
    const h = harness(followUpWorkflow()).contact('dana').at('+0').event({ type: 'workflow.start', workflow: 'follow-up', atStep: 'wait-24h' });
    const result = coverage(h.workflows(), [simulated(h)]);
    // follow-up: greet, wait-24h, follow-up, end; e0 trigger>greet, e1 greet>wait-24h, e2 wait-24h>follow-up, e3 follow-up>end.
    expect(result.steps).toEqual({ covered: 3, total: 4 });
    expect(uncovered(result)).toEqual(['greet', 'e0', 'e1']);
  });

  it('a run moved to a new version counts with its Workflow, by step id and output', () => {
    const v2 = followUpWorkflow(undefined, { followUp: 'Any news?' });
    const h = harness(followUpWorkflow()).contact('dana').at('+0').contactSays('Hi').at('+1h').publish(v2, 'move');
    const result = coverage(h.workflows(), [simulated(h)]);
    expect(result).toMatchObject({ steps: { covered: 4, total: 4 }, edges: { covered: 4, total: 4 }, uncovered: [] });
  });

  it('outputs with no connection and Workflows no script starts are counted, not skipped', () => {
    const unused = buildWorkflow({ id: 'unused', name: 'Unused', trigger: { id: 'trigger', type: 'tag_updated', tag: 'never', action: 'added' }, steps: [steps.send('hello', 'Hello')], edges: ['trigger>hello'] });
    const h = harness(followUpWorkflow(), unused).contact('dana').at('+0').contactSays('Hi');
    const result = new CoverageTally(h.workflows()).add(simulated(h)).coverage();
    expect(result.workflows).toEqual([
      { workflow: 'follow-up', name: 'Follow-up', steps: { covered: 4, total: 4 }, edges: { covered: 4, total: 4 } },
      { workflow: 'unused', name: 'Unused', steps: { covered: 0, total: 1 }, edges: { covered: 0, total: 1 } },
    ]);
    expect(result.steps).toEqual({ covered: 4, total: 5 });
  });
});

describe('CoverageService: the worker simulates every script to its end', () => {
  const silent = harness(questionWorkflow()).contact('dana').at('+0').contactSays('Hi');
  const answers = harness(questionWorkflow()).contact('dana').at('+0').contactSays('Hi').at('+10m').contactSays('A demo');

  it('answers the merged coverage of the scripts, as its schema says', () => {
    const answer = structuredClone(new CoverageService().coverage(structuredClone({ workflows: silent.workflows(), scripts: [silent.script(), answers.script()] })));
    expect(coverageOutcomeSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ ok: true, coverage: { steps: { covered: 6, total: 6 }, edges: { covered: 7, total: 7 }, scripts: 2 } });
  });

  it('refuses what is not a request, with the JSON path in the document concerned', () => {
    const service = new CoverageService();
    expect(service.coverage({ workflows: silent.workflows(), scripts: [] })).toMatchObject({ ok: false, problems: [{ source: 'script', path: '$.scripts' }] });
    expect(service.coverage({ workflows: silent.workflows(), scripts: [{ ...silent.script(), events: 'none' }] })).toMatchObject({ ok: false, problems: [{ source: 'script', index: 0, path: '$.events' }] });
    expect(service.coverage({ workflows: [{ ...silent.workflows()[0], edges: 7 }], scripts: [silent.script()] })).toMatchObject({ ok: false, problems: [{ source: 'workflow', index: 0, path: '$.edges' }] });
    expect(service.coverage(null)).toMatchObject({ ok: false });
    const tooMany = Array.from({ length: 201 }, () => silent.script());
    expect(service.coverage({ workflows: silent.workflows(), scripts: tooMany })).toMatchObject({ ok: false, problems: [{ path: '$.scripts', message: 'At most 200 scripts' }] });
  });

  it('keeps to one budget of trace entries: a script past it counts what it reached and is listed', () => {
    // 12 entries: the first script stops short after its first events, the second has nothing left.
    const tight = new CoverageService(12).coverage({ workflows: silent.workflows(), scripts: [silent.script(), answers.script()] });
    expect(tight).toMatchObject({ ok: true, coverage: { scripts: 2, stoppedShort: [0, 1] } });
    if (tight.ok) expect(tight.coverage.steps.covered).toBeLessThan(6);
  });
});
