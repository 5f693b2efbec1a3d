import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { harness, ms, type HarnessRun } from '../../harness/simulationHarness.ts';
import { buildWorkflow, FOLLOW_UP, followUpWorkflow, noExits, NURTURE, nurtureWorkflow, questionWorkflow, steps, type SettingsInput } from '../../harness/workflowFixtures.ts';

const V2_FOLLOW_UP = 'Checking in sooner now!';

/** Version 2 of the follow-up: the same steps (same ids), the Wait down to 2h and a new follow-up text. */
function followUpV2(settings: SettingsInput = noExits(true)): Workflow {
  return buildWorkflow({
    id: 'follow-up',
    name: 'Follow-up',
    trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    steps: [steps.send('greet', FOLLOW_UP.greeting, 'Greeting'), steps.wait('wait-24h', '2h', 'Wait 2h'), steps.send('follow-up', V2_FOLLOW_UP, 'Follow-up'), steps.end()],
    edges: ['trigger>greet', 'greet>wait-24h', 'wait-24h>follow-up', 'follow-up>end'],
    settings,
  });
}

/** Version 2 without the Wait (its id is gone): the follow-up goes out at once. */
function followUpWithoutWait(): Workflow {
  return buildWorkflow({
    id: 'follow-up',
    name: 'Follow-up',
    trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    steps: [steps.send('greet', FOLLOW_UP.greeting, 'Greeting'), steps.send('follow-up', V2_FOLLOW_UP, 'Follow-up'), steps.end()],
    edges: ['trigger>greet', 'greet>follow-up', 'follow-up>end'],
    settings: noExits(true),
  });
}

const sentAt = (result: HarnessRun, contact: string) => result.entries({ kind: 'message.sent', contact }).map((entry) => [entry.t, entry.text]);

/** Dana writes at +0 (a run on version 1, waiting until +24h); the new version goes live at +1h; Omar writes at +2h. */
const publishedAtOneHour = (policy: 'finish' | 'stop' | 'move', version: Workflow = followUpV2(), first: Workflow = followUpWorkflow(noExits(true))) =>
  harness(first).contact('dana').contact('omar').as('dana').at('+0').contactSays('Hi').at('+1h').publish(version, policy).as('omar').at('+2h').contactSays('Hello').run();

describe('publishing a new version: the runs in flight', () => {
  it('finish: a run in flight goes on on the version it started on; new runs start on the new one', () => {
    const result = publishedAtOneHour('finish');
    expect(sentAt(result, 'dana')).toEqual([
      [0, 'Thanks for writing, Dana!'],
      [ms('+24h'), FOLLOW_UP.followUp],
    ]);
    expect(sentAt(result, 'omar')).toEqual([
      [ms('+2h'), 'Thanks for writing, Omar!'],
      [ms('+4h'), V2_FOLLOW_UP],
    ]);
    expect(result.entry({ kind: 'workflow.published' })).toMatchObject({ t: ms('+1h'), contact: '', workflow: 'follow-up', policy: 'finish', text: 'follow-up-v2.workflow.json' });
    expect(result.entries({ kind: 'run.stopped' })).toEqual([]);
  });

  it('stop: every run in flight stops at the publish (workflow updated), and its version’s When stopped path runs', () => {
    const v2 = { ...nurtureWorkflow(noExits(true)), steps: nurtureWorkflow().steps.map((step) => (step.id === 'wait-24h' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration' as const, duration: '2h' } } : step)) };
    const result = publishedAtOneHour('stop', v2, nurtureWorkflow(noExits(true)));
    expect(result.runsOf('Nurture', 'dana')).toEqual([expect.objectContaining({ status: 'stopped', reason: 'workflow_updated', endedAt: ms('+1h'), atStep: 'wait-24h' })]);
    expect(result.entry({ kind: 'when_stopped.started', contact: 'dana' })).toMatchObject({ t: ms('+1h'), reason: 'workflow_updated' });
    expect(sentAt(result, 'dana').map(([, text]) => text)).toEqual(['Thanks for writing, Dana!', NURTURE.bye]);
    // Omar starts after it, on the new version, and is not stopped.
    expect(result.runsOf('Nurture', 'omar')).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  it('move: a run in flight moves to the step with the same id; its Wait keeps its due time and the new version goes on from there', () => {
    const result = publishedAtOneHour('move');
    expect(result.entry({ kind: 'run.moved', contact: 'dana' })).toMatchObject({ t: ms('+1h'), step: 'wait-24h', run: 0 });
    // Due at +24h as version 1 set it (not +3h), then version 2's follow-up.
    expect(sentAt(result, 'dana')).toEqual([
      [0, 'Thanks for writing, Dana!'],
      [ms('+24h'), V2_FOLLOW_UP],
    ]);
    expect(result.runsOf('Follow-up', 'dana')).toEqual([expect.objectContaining({ status: 'completed', version: 2 })]);
  });

  it('move: expectations read a moved run’s step in its new version', () => {
    // One more step before the greeting: every later step sits one place further in the new version.
    const v2 = buildWorkflow({
      id: 'follow-up',
      name: 'Follow-up',
      trigger: { id: 'trigger', type: 'incoming_message' },
      steps: [steps.send('before', 'One more step first'), steps.send('greet', FOLLOW_UP.greeting, 'Greeting'), steps.wait('wait-24h', '2h', 'Wait 2h'), steps.send('follow-up', V2_FOLLOW_UP, 'Follow-up'), steps.end()],
      edges: ['trigger>before', 'before>greet', 'greet>wait-24h', 'wait-24h>follow-up', 'follow-up>end'],
      settings: noExits(true),
    });
    const result = harness(followUpWorkflow(noExits(true)))
      .at('+0').contactSays('Hi')
      .at('+1h').publish(v2, 'move')
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'completed', atStep: 'End' })
      .run();
    expect(result.expectations().map((check) => [check.passed, check.message])).toEqual([[true, 'Follow-up for dana: completed at "End"']]);
  });

  it('move: a run whose step the new version no longer has is stopped (step removed)', () => {
    const result = publishedAtOneHour('move', followUpWithoutWait());
    expect(result.runsOf('Follow-up', 'dana')).toEqual([expect.objectContaining({ status: 'stopped', reason: 'step_removed', endedAt: ms('+1h'), atStep: 'wait-24h' })]);
    expect(sentAt(result, 'dana')).toEqual([[0, 'Thanks for writing, Dana!']]);
    expect(sentAt(result, 'omar').map(([, text]) => text)).toEqual(['Thanks for writing, Omar!', V2_FOLLOW_UP]);
  });

  it('move: an open question stays open, and its answer goes on in the new version', () => {
    const v1 = questionWorkflow(noExits(true), { timeout: null });
    const v2 = { ...v1, steps: v1.steps.map((step) => (step.id === 'got-it' ? { ...step, text: 'Noted for v2: {{contact.fields.need}}' } : step)) };
    const result = harness(v1).at('+0').contactSays('Hi').at('+1h').publish(v2, 'move').at('+2h').contactSays('a demo').run();
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ t: ms('+2h'), text: 'a demo' });
    expect(result.sent()).toContain('Noted for v2: a demo');
  });

  it('move: a paused run stays paused on the new version and resumes by its rule', () => {
    const pausing: SettingsInput = { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } }, pause: { resume: { on: 'silence', after: '2h' } } };
    const result = harness(followUpWorkflow(pausing)).user('alice').at('+0').contactSays('Hi').at('+30m').agentSays('alice', 'On it').at('+1h').publish(followUpV2(pausing), 'move').run();
    expect(result.entry({ kind: 'run.moved' })).toMatchObject({ t: ms('+1h') });
    expect(result.entry({ kind: 'run.resumed' }).t).toBe(ms('+2h30m'));
    // 23h30m were left when it paused; version 2's text follows.
    expect(result.entries({ kind: 'message.sent' }).at(-1)).toMatchObject({ t: ms('+2h30m') + ms('+23h30m'), text: V2_FOLLOW_UP });
  });

  it('a publish at an instant comes before the contact events of that instant', () => {
    const result = harness(followUpWorkflow(noExits(true))).at('+1h').publish(followUpV2(), 'finish').contactSays('Hi').run();
    expect(result.sent()).toEqual(['Thanks for writing, Dana!', V2_FOLLOW_UP]);
  });

  it('says it in sentences', () => {
    const result = publishedAtOneHour('move');
    const names = traceNames(result.simulation);
    expect(describeEntry(result.entry({ kind: 'workflow.published' }), names)).toBe('New version of Follow-up published ("follow-up-v2.workflow.json"): runs in flight move to it');
    expect(describeEntry(result.entry({ kind: 'run.moved' }), names)).toBe('Run of Follow-up moved to the new version at "Wait 2h"');
  });
});

describe('publishing a new version: refused before anything runs', () => {
  const problems = (version: Workflow | undefined, file = 'v2.workflow.json') => {
    const scripted = harness(followUpWorkflow()).at('+1h').publish(followUpV2(), 'move', file);
    const script = scripted.script();
    const prepared = prepareSimulation({ workflows: scripted.workflows(), script, versions: version === undefined ? {} : { [file]: version } });
    return prepared.ok ? [] : prepared.problems.map((problem) => [problem.path, problem.message]);
  };

  it('names a file not given, a Workflow of another id and an invalid version, at the event’s file', () => {
    expect(problems(undefined)).toEqual([['$.events[0].file', 'No Workflow was given for "v2.workflow.json", the new version this publish names']]);
    expect(problems({ ...followUpV2(), id: 'other' })).toEqual([['$.events[0].file', '"v2.workflow.json" holds the Workflow "other", not a new version of "follow-up" (a new version keeps its id)']]);
    const broken = { ...followUpV2(), edges: followUpV2().edges.filter((edge) => edge.target !== 'greet') };
    expect(problems(broken)[0]).toEqual(['$.events[0].file', '"v2.workflow.json" $.steps[0]: "Greeting" cannot be reached from the trigger']);
  });

  it('a file named like an object’s own property is no version', () => {
    expect(problems(undefined, 'constructor')).toEqual([['$.events[0].file', 'No Workflow was given for "constructor", the new version this publish names']]);
  });

  it('refuses more publishes than one script may make', () => {
    let scripted = harness(followUpWorkflow());
    for (let i = 0; i < 101; i++) scripted = scripted.at(`+${i}m`).publish(followUpV2(), 'finish', 'v2.workflow.json');
    const prepared = prepareSimulation({ workflows: scripted.workflows(), script: scripted.script(), versions: { 'v2.workflow.json': followUpV2() } });
    expect(prepared.ok ? [] : prepared.problems.map((problem) => problem.message)).toEqual(['101 publishes is more than the 100 one script may make']);
  });
});

describe('publishing with "finish" changes nothing for the runs already started', () => {
  it('holds for generated conversations: each run started before the publish ends as it would have without it', () => {
    const event = fc.record({ hour: fc.integer({ min: 0, max: 30 }), contact: fc.constantFrom('dana', 'omar'), kind: fc.constantFrom('contact', 'agent', 'stop') });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 30 }), (events, publishHour) => {
        const settings: SettingsInput = { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message', 'outgoing_message'] } };
        let base = harness(followUpWorkflow(settings)).user('alice').contact('dana').contact('omar');
        for (const { hour, contact, kind } of [...events].sort((a, b) => a.hour - b.hour)) {
          base = base.as(contact).at(`+${hour}h`);
          base = kind === 'contact' ? base.contactSays('Hi') : kind === 'agent' ? base.agentSays('alice', 'Hello') : base.stop('alice', 'Follow-up');
        }
        const without = base.until('+4d').run();
        const withPublish = base.at(`+${publishHour}h`).publish(followUpV2(settings), 'finish').until('+4d').run();
        const publishAt = ms(`+${publishHour}h`);
        const outcome = (result: HarnessRun) =>
          result
            .runs()
            .filter((run) => run.startedAt < publishAt)
            .map((run) => ({ ...run, sent: result.entriesOfRun(run.run).filter((entry) => entry.kind === 'message.sent').map((entry) => [entry.t, entry.text]) }));
        expect(outcome(withPublish)).toEqual(outcome(without));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
