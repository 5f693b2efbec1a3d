import { describe, expect, it } from 'vitest';
import { checkExpectations } from '../../../../../simulator/engine/expectations.ts';
import { LiveSession } from '../../../../../simulator/engine/liveSession.ts';
import { runStates } from '../../../../../simulator/engine/materialize.ts';
import { Simulation } from '../../../../../simulator/engine/simulation.ts';
import type { RunState } from '../../../../../simulator/schema/run.ts';
import { scriptSchema, type Script } from '../../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { demoScript } from '../../../../../src/screens/messages/live/demoCast.ts';
import { sessionScript, workflowRef } from '../../../../../src/screens/messages/live/sessionScript.ts';
import { deepFreeze } from '../../../../harness/deepFreeze.ts';
import { exitOn, followUpWorkflow, noExits, pauseOn } from '../../../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;

function live(workflows: readonly Workflow[]): LiveSession {
  const started = LiveSession.start(workflows, demoScript(new Date('2026-01-05T09:00:00Z')));
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  return started.session;
}

/** Replays a saved script to the end, as the simulator and `npm run simulate` do, and checks its expectations. */
function replay(workflows: readonly Workflow[], file: Script) {
  const script = scriptSchema.parse(JSON.parse(JSON.stringify(file)));
  return checkExpectations(new Simulation({ workflows, script }).runToEnd(), script);
}

/**
 * On "Follow-up" (manual stop on, exit on incoming messages): Dana writes at +0 and her run
 * completes at 24 h; Omar writes at +1h and Alice stops his run by hand at +2h; Lee writes after
 * 24 h, and his run is still waiting when the session is saved.
 */
function recordedSession(workflows: readonly Workflow[]): LiveSession {
  const session = live(workflows);
  session.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
  session.advance(HOUR);
  session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
  session.advance(HOUR);
  session.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: 'Follow-up' });
  session.jumpToNext();
  session.command({ type: 'contact.message', contact: 'lee', text: 'Hi' });
  return session;
}

describe('sessionScript', () => {
  const workflows = [followUpWorkflow(exitOn(['incoming_message'], true))];

  it('expects what happened to every run that ended, and nothing of runs still active', () => {
    const session = recordedSession(workflows);
    const runs = session.runs();
    expect(runs.map((run) => [run.contact, run.status])).toEqual([
      ['dana', 'completed'],
      ['omar', 'stopped'],
      ['lee', 'active'],
    ]);
    const file = sessionScript(deepFreeze(session.script()), deepFreeze(runs), workflows);
    expect(file.expect).toEqual([
      { contact: 'dana', workflow: 'Follow-up', status: 'completed', atStep: 'end' },
      { contact: 'omar', workflow: 'Follow-up', status: 'stopped', reason: 'manual', atStep: 'wait-24h' },
    ]);
    expect(file.events).toEqual(session.script().events);
  });

  it('writes a script file that parses, and whose replay meets every expectation', () => {
    const file = sessionScript(recordedSession(workflows).script(), recordedSession(workflows).runs(), workflows);
    expect(scriptSchema.parse(file)).toEqual(file);
    const results = replay(workflows, file);
    expect(results).toHaveLength(2);
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });

  it('makes the replay fail when the Workflow no longer behaves as it did', () => {
    const file = sessionScript(recordedSession(workflows).script(), recordedSession(workflows).runs(), workflows);
    // Without manual stop, Alice's stop is refused and Omar's run completes.
    const changed = [followUpWorkflow(exitOn(['incoming_message'], false))];
    expect(replay(changed, file).map((result) => [result.expectation.contact, result.passed])).toEqual([
      ['dana', true],
      ['omar', false],
    ]);
  });

  it('keeps the expectations the script already had, first', () => {
    const session = recordedSession(workflows);
    const script: Script = { ...session.script(), expect: [{ contact: 'dana', neverSent: 'Goodbye' }] };
    const file = sessionScript(script, session.runs(), workflows);
    expect(file.expect[0]).toEqual({ contact: 'dana', neverSent: 'Goodbye' });
    expect(file.expect).toHaveLength(3);
    expect(replay(workflows, file).every((result) => result.passed)).toBe(true);
  });

  it('expects nothing of a paused run: it has not ended, and the replay sees it resume and finish', () => {
    const handBack = [followUpWorkflow(pauseOn(['outgoing_message']))];
    const session = live(handBack);
    session.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
    session.command({ type: 'agent.message', contact: 'dana', user: 'alice', text: 'Alice here' });
    expect(session.runs().map((run) => run.status)).toEqual(['paused']);
    const file = sessionScript(session.script(), session.runs(), handBack);
    expect(file.expect).toEqual([]);
    expect(runStates(new Simulation({ workflows: handBack, script: file }).runToEnd()).map((run) => run.status)).toEqual(['completed']);
  });

  it('leaves out the reason of a failed run (a loop is no stop reason) and names an unknown Workflow by its id', () => {
    const failed: RunState = { run: 0, workflow: 'runaway', contact: 'omar', status: 'failed', reason: 'loop', atStep: 'tick', startedAt: 0, endedAt: 0 };
    const file = sessionScript(demoScript(new Date('2026-01-05T09:00:00Z')), [failed], []);
    expect(file.expect).toEqual([{ contact: 'omar', workflow: 'runaway', status: 'failed', atStep: 'tick' }]);
    expect(scriptSchema.safeParse(file).success).toBe(true);
  });

  // BUG (src/screens/messages/live/sessionScript.ts): a replay checks the contact's *latest* run of a
  // Workflow (Simulation.latestRunOf), but sessionScript writes an expectation for every ended run.
  // When a contact's run stopped and a later run of the same Workflow is still active (or ended
  // otherwise), the saved script fails its own replay. Remove `.fails` once fixed.
  it('expects only each contact’s latest run of a Workflow, so a run that started again replays as recorded', () => {
    const session = live(workflows);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    session.advance(HOUR);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Still there?' });
    session.advance(HOUR);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hello again' });
    expect(session.runs().map((run) => [run.status, run.reason])).toEqual([
      ['stopped', 'incoming_message'],
      ['active', undefined],
    ]);
    const results = replay(workflows, sessionScript(session.script(), session.runs(), workflows));
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });
});

describe('workflowRef', () => {
  const a = followUpWorkflow(noExits(), { id: 'a', name: 'Follow-up' });

  it('names a Workflow by its name, which people read', () => {
    expect(workflowRef(a, [a, followUpWorkflow(noExits(), { id: 'b', name: 'Nudge' })])).toBe('Follow-up');
  });

  it('names it by id when another Workflow has the same name, or that name as its id', () => {
    expect(workflowRef(a, [a, followUpWorkflow(noExits(), { id: 'b', name: 'Follow-up' })])).toBe('a');
    expect(workflowRef(a, [a, followUpWorkflow(noExits(), { id: 'Follow-up', name: 'Other' })])).toBe('a');
  });
});
