import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../../../simulator/engine/liveSession.ts';
import { runStates, traceEntries } from '../../../../../simulator/engine/materialize.ts';
import { Simulation } from '../../../../../simulator/engine/simulation.ts';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { decodeShareFragment } from '../../../../../src/common/shareLink/decodeShareFragment.ts';
import { encodeShareFragment } from '../../../../../src/common/shareLink/encodeShareFragment.ts';
import { demoScript } from '../../../../../src/screens/messages/live/demoCast.ts';
import { liveShareSituation } from '../../../../../src/screens/messages/live/liveShareSituation.ts';
import { deepFreeze } from '../../../../harness/deepFreeze.ts';
import { exitOn, followUpWorkflow, withSettings } from '../../../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;

function live(workflows: readonly Workflow[]): LiveSession {
  const started = LiveSession.start(workflows, demoScript(new Date('2026-01-05T09:00:00Z')));
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  return started.session;
}

describe('liveShareSituation', () => {
  const followUp = followUpWorkflow(exitOn(['incoming_message'], true));
  const republished = withSettings(followUp, exitOn(['incoming_message', 'outgoing_message'], true));

  it('opens, through a link, as the same session at the same instant: runs and trace as the live session has them', async () => {
    const session = live([followUp]);
    session.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
    session.advance(HOUR);
    expect(session.publish({ workflow: followUp.id, file: 'version-2', policy: 'move' }, republished).ok).toBe(true);
    session.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    session.advance(90_000);
    session.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: 'Follow-up' });
    session.advance(30_000);
    const time = HOUR + 120_000;

    const situation = liveShareSituation(
      deepFreeze({ script: session.script(), startWorkflows: [followUp], versions: { 'version-2': republished, 'version-9': followUp }, time, contactId: 'omar' }),
    );
    expect(situation.at).toBe(time);
    expect(situation.contact).toBe('omar');
    // Only the version the script's publish names: one given to a refused publish is no part of the session.
    expect(Object.keys(situation.versions ?? {})).toEqual(['version-2']);

    const made = await encodeShareFragment(situation);
    if (!made.ok) throw new Error('The link was refused as too large');
    const opened = await decodeShareFragment(made.fragment);
    if (!opened.ok) throw new Error(opened.message);
    const { workflows, script, versions, at } = opened.situation;
    const replay = new Simulation({ workflows, script, ...(versions ? { versions } : {}) });
    replay.runUntil(at ?? 0);
    expect(runStates(replay)).toEqual(session.runs());
    expect([...traceEntries(replay)]).toEqual(session.trace());
  });

  it('leaves out what is not there: no contact selected, no publish', () => {
    const session = live([followUp]);
    const situation = liveShareSituation({ script: session.script(), startWorkflows: [followUp], versions: {}, time: 0, contactId: '' });
    expect(situation).toEqual({ v: 1, workflows: [followUp], script: session.script(), at: 0 });
  });
});
