import { describe, expect, it } from 'vitest';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { exitOn, FOLLOW_UP, followUpWorkflow, nurtureWorkflow, questionWorkflow, shortcutWorkflow } from '../../harness/workflowFixtures.ts';

describe('workflow.start: a test run, as if triggered', () => {
  it('starts at the trigger by default and runs the flow as a triggered run would', () => {
    const result = harness(followUpWorkflow()).user('alice').at('+1h').event({ type: 'workflow.start', workflow: 'Follow-up', user: 'alice' }).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'completed', startedAt: ms('+1h') });
    expect(result.sent()).toEqual(['Thanks for writing, Dana!', FOLLOW_UP.followUp]);
    expect(result.entry({ kind: 'run.started' })).toMatchObject({ user: 'alice', t: ms('+1h') });
  });

  it('starts at the named step: the steps before it are not executed, the Wait there is', () => {
    const result = harness(followUpWorkflow()).at('+0').event({ type: 'workflow.start', workflow: 'follow-up', atStep: 'wait-24h' }).run();
    expect(result.entries({ kind: 'step' }).map((entry) => entry.step)).toEqual(['wait-24h', 'follow-up', 'end']);
    expect(result.sent()).toEqual([FOLLOW_UP.followUp]);
    expect(sentTimes(result)).toEqual([ms('+24h')]);
  });

  it('sets the fields first, without firing triggers, so the steps read them', () => {
    const result = harness(questionWorkflow()).at('+0').event({ type: 'workflow.start', workflow: 'Qualify lead', atStep: 'got-it', fields: { need: 'a demo' } }).run();
    expect(result.sent()[0]).toBe('Got it: a demo');
    expect(result.entry({ kind: 'contact.changed' })).toMatchObject({ change: 'field_set', field: 'need', value: 'a demo' });
  });

  it('obeys the rules of a trigger (no second run while one is active) and starts a Workflow of any trigger type', () => {
    const twice = harness(followUpWorkflow()).at('+0').contactSays('Hi').at('+1h').event({ type: 'workflow.start', workflow: 'Follow-up' }).run();
    expect(twice.entries({ kind: 'trigger.ignored' }).map((entry) => entry.reason)).toEqual(['already_active']);
    expect(twice.runsOf('Follow-up')).toHaveLength(1);
    // Any trigger type: a shortcut Workflow starts too, without a person using the shortcut.
    const shortcut = harness(shortcutWorkflow()).at('+0').event({ type: 'workflow.start', workflow: 'shortcut' }).run();
    expect(shortcut.runsOf('shortcut')).toHaveLength(1);
  });

  it('is an ordinary run afterwards: exit conditions stop it, its When stopped path runs', () => {
    const result = harness(nurtureWorkflow(exitOn(['incoming_message'], true))).at('+0').event({ type: 'workflow.start', workflow: 'Nurture', atStep: 'wait-24h' }).at('+2h').contactSays('Stop it').run();
    expect(result.runOf('Nurture')).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect(result.entries({ kind: 'when_stopped.started' })).toHaveLength(1);
  });

  it('reads as a sentence', () => {
    const result = harness(followUpWorkflow()).user('alice').at('+0').event({ type: 'workflow.start', workflow: 'Follow-up', user: 'alice' }).run();
    expect(describeEntry(result.entry({ kind: 'event' }), traceNames(result.simulation))).toBe('Test run of Follow-up for Dana, started by Alice');
  });
});

describe('workflow.start: refused before anything runs', () => {
  const prepare = (event: Record<string, unknown>) => {
    const scripted = harness(nurtureWorkflow()).at('+0').event(event as never);
    return prepareSimulation({ workflows: scripted.workflows(), script: scripted.script() });
  };
  const problems = (event: Record<string, unknown>) => {
    const prepared = prepare(event);
    return prepared.ok ? [] : prepared.problems.map((problem) => [problem.path, problem.message]);
  };

  it('names an unknown Workflow, an unknown step and a step of the When stopped path at their JSON paths', () => {
    expect(problems({ type: 'workflow.start', workflow: 'Nope' })).toEqual([['$.events[0].workflow', 'No Workflow "Nope" is loaded (loaded: "Nurture")']]);
    expect(problems({ type: 'workflow.start', workflow: 'Nurture', atStep: 'nope' })).toEqual([['$.events[0].atStep', '"Nurture" has no step "nope"']]);
    expect(problems({ type: 'workflow.start', workflow: 'Nurture', atStep: 'untag' })).toEqual([
      ['$.events[0].atStep', 'Step "untag" is on the When stopped path, which runs only after a stop: start a test run on the main flow'],
    ]);
    expect(problems({ type: 'workflow.start', workflow: 'Nurture', atStep: 'when-stopped' })).toHaveLength(1);
    expect(problems({ type: 'workflow.start', workflow: 'Nurture', atStep: 'trigger' })).toEqual([]);
  });
});

function sentTimes(result: ReturnType<ReturnType<typeof harness>['run']>): number[] {
  return result.entries({ kind: 'message.sent' }).map((entry) => entry.t);
}
