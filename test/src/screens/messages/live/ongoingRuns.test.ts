import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../../../simulator/engine/liveSession.ts';
import type { RunState } from '../../../../../simulator/schema/run.ts';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { demoScript } from '../../../../../src/screens/messages/live/demoCast.ts';
import { ongoingRuns } from '../../../../../src/screens/messages/live/ongoingRuns.ts';
import { deepFreeze } from '../../../../harness/deepFreeze.ts';
import { exitOn, followUpWorkflow, noExits, pauseOn, questionWorkflow } from '../../../../harness/workflowFixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function live(workflows: readonly Workflow[]): LiveSession {
  const started = LiveSession.start(workflows, demoScript(new Date('2026-01-05T09:00:00Z')));
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  return started.session;
}

describe('ongoingRuns', () => {
  it('gives the step a run is at and since when: the time it reached that step, not when it started', () => {
    // "Qualify lead" asks at +0; the answer at +10m moves it on to "Wait 24h".
    const question = questionWorkflow(noExits(true));
    const session = live([question]);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    expect(ongoingRuns('omar', session.runs(), session.trace(), [question])).toEqual([
      { run: 0, workflowId: 'question', workflowName: 'Qualify lead', stepLabel: 'Ask need', since: 0, waitingFor: 'reply', due: HOUR, manualStop: true },
    ]);
    session.advance(10 * MINUTE);
    session.command({ type: 'contact.message', contact: 'omar', text: 'a demo' });
    expect(ongoingRuns('omar', session.runs(), session.trace(), [question])).toEqual([
      { run: 0, workflowId: 'question', workflowName: 'Qualify lead', stepLabel: 'Wait 24h', since: 10 * MINUTE, waitingFor: 'timer', due: 10 * MINUTE + 24 * HOUR, manualStop: true },
    ]);
  });

  it('lists only the contact’s active runs, each with its own Workflow’s manual stop setting', () => {
    const stoppable = followUpWorkflow(noExits(true), { id: 'stoppable', name: 'Stoppable' });
    const fixed = followUpWorkflow(exitOn(['incoming_message']), { id: 'fixed', name: 'Fixed' });
    const session = live([stoppable, fixed]);
    session.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    session.advance(HOUR);
    // Omar writes again: "Fixed" stops on the incoming message, "Stoppable" goes on.
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hello?' });
    const runs = deepFreeze(session.runs());
    expect(runs.filter((run) => run.contact === 'omar').map((run) => [run.workflow, run.status])).toEqual([
      ['stoppable', 'active'],
      ['fixed', 'stopped'],
    ]);

    const omars = ongoingRuns('omar', runs, deepFreeze(session.trace()), [stoppable, fixed]);
    expect(omars.map((run) => [run.workflowName, run.stepLabel, run.manualStop, run.since])).toEqual([['Stoppable', 'Wait 24h', true, 1000]]);
    const danas = ongoingRuns('dana', runs, session.trace(), [stoppable, fixed]);
    expect(danas.map((run) => [run.workflowName, run.manualStop])).toEqual([
      ['Stoppable', true],
      ['Fixed', false],
    ]);
    expect(ongoingRuns('lee', runs, session.trace(), [stoppable, fixed])).toEqual([]);
  });

  it('lists a paused run with its hand-back as the engine reports it and its Workflow’s resume rule', () => {
    const handBack = followUpWorkflow(pauseOn(['outgoing_message']), { id: 'hand-back', name: 'Hand-back' });
    const session = live([handBack]);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    session.advance(HOUR);
    session.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Alice here' });
    expect(ongoingRuns('omar', deepFreeze(session.runs()), deepFreeze(session.trace()), [handBack])).toEqual([
      {
        run: 0,
        workflowId: 'hand-back',
        workflowName: 'Hand-back',
        stepLabel: 'Wait 24h',
        since: 0,
        waitingFor: 'timer',
        due: undefined,
        manualStop: true,
        pause: { reason: 'outgoing_message', pausedAt: HOUR, resume: { on: 'silence', after: '2h' }, resumesAt: 3 * HOUR, remaining: 23 * HOUR },
      },
    ]);
    // Resumed, it is an active run again, its timer due with what it had left.
    session.jumpToNext();
    const resumed = ongoingRuns('omar', session.runs(), session.trace(), [handBack]);
    expect(resumed.map((run) => [run.due, run.pause])).toEqual([[26 * HOUR, undefined]]);
  });

  it('takes the paused state from the engine alone: an active run of a Workflow that pauses is not shown paused', () => {
    const handBack = followUpWorkflow(pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } }));
    const session = live([handBack]);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    expect(ongoingRuns('omar', session.runs(), session.trace(), [handBack])[0]?.pause).toBeUndefined();
    session.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Alice here' });
    expect(ongoingRuns('omar', session.runs(), session.trace(), [handBack])[0]?.pause).toMatchObject({ resume: { on: 'conversation_closed' }, resumesAt: undefined });
  });

  it('falls back to ids, the start time and no manual stop when the Workflow or its step entry is unknown', () => {
    const run: RunState = { run: 7, workflow: 'deleted', contact: 'omar', status: 'active', atStep: 'wait', startedAt: 5000, waitingFor: 'timer', due: 9000 };
    expect(ongoingRuns('omar', [run], [], [])).toEqual([
      { run: 7, workflowId: 'deleted', workflowName: 'deleted', stepLabel: 'wait', since: 5000, waitingFor: 'timer', due: 9000, manualStop: false },
    ]);
  });
});
