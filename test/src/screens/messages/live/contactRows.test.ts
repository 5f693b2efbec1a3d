import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../../../simulator/engine/liveSession.ts';
import { traceNamesOf } from '../../../../../simulator/trace/traceNames.ts';
import { contactRows } from '../../../../../src/screens/messages/live/contactRows.ts';
import { demoScript } from '../../../../../src/screens/messages/live/demoCast.ts';
import { followUpWorkflow, noExits, pauseOn } from '../../../../harness/workflowFixtures.ts';

const cast = demoScript(new Date('2026-01-05T09:00:00Z'));
const workflow = followUpWorkflow(noExits(true));
const names = traceNamesOf([workflow], cast);

function session(): LiveSession {
  const started = LiveSession.start([workflow], cast);
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  return started.session;
}

const rowsOf = (live: LiveSession) => contactRows(cast.contacts, { trace: live.trace(), runs: live.runs(), contacts: live.contacts() }, names);

describe('contactRows', () => {
  it('gives one row per contact of the cast, in its order, with nothing said yet', () => {
    const rows = rowsOf(session());
    expect(rows.map((row) => row.contact.id)).toEqual(cast.contacts.map((contact) => contact.id));
    expect(rows.every((row) => row.ongoing === 0 && row.lastLine === undefined)).toBe(true);
  });

  it('counts only the contact’s active runs and ends on the last line said, not on an activity line', () => {
    const live = session();
    live.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
    const dana = () => rowsOf(live).find((row) => row.contact.id === 'dana');
    // The greeting is the last line said; "Follow-up started" is an activity line.
    expect(dana()).toMatchObject({ ongoing: 1, lastLine: 'Thanks for writing, Dana!', state: { contact: 'dana' } });
    live.command({ type: 'workflow.stop', contact: 'dana', user: 'alice', workflow: 'Follow-up' });
    // The stop adds an activity line and ends the run: the last line said stays the greeting.
    expect(dana()).toMatchObject({ ongoing: 0, lastLine: 'Thanks for writing, Dana!' });
    expect(rowsOf(live).find((row) => row.contact.id === 'omar')).toMatchObject({ ongoing: 0, lastLine: undefined });
  });

  it('counts a paused run: it keeps its place as the contact’s run', () => {
    const handBack = followUpWorkflow(pauseOn(['outgoing_message']));
    const started = LiveSession.start([handBack], cast);
    if (!started.ok) throw new Error('the session does not start');
    const live = started.session;
    live.command({ type: 'contact.message', contact: 'dana', text: 'Hi' });
    live.command({ type: 'agent.message', contact: 'dana', user: 'alice', text: 'Alice here' });
    expect(live.runs().map((run) => run.status)).toEqual(['paused']);
    const rows = contactRows(cast.contacts, { trace: live.trace(), runs: live.runs(), contacts: live.contacts() }, traceNamesOf([handBack], cast));
    expect(rows.find((row) => row.contact.id === 'dana')).toMatchObject({ ongoing: 1, lastLine: 'Alice here' });
  });
});
