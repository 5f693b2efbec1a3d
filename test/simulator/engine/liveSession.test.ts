import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../simulator/engine/liveSession.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { runStates } from '../../../simulator/engine/materialize.ts';
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

const HOUR = 3_600_000;

function followUp(settings?: Workflow['settings']): Workflow {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as Record<string, unknown>;
  const parsed = parseWorkflowDocument(settings ? { ...raw, settings } : raw);
  if (!parsed.ok) throw new Error('the example does not parse');
  return parsed.value;
}

function base(): Script {
  const parsed = parseScriptDocument({
    format: 'exitflow.script/1',
    name: 'Live demo',
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 'alice', name: 'Alice', role: 'manager' },
      { id: 'rita', name: 'Rita', role: 'agent', restricted: true },
    ],
    contacts: [
      { id: 'omar', name: 'Omar' },
      { id: 'lee', name: 'Lee' },
    ],
    events: [],
  });
  if (!parsed.ok) throw new Error('the base script does not parse');
  return parsed.value;
}

function session(workflow = followUp()): LiveSession {
  const started = LiveSession.start([workflow], base());
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  return started.session;
}

const omarsRun = (live: LiveSession) => live.runs().find((run) => run.contact === 'omar');

describe('a live session', () => {
  it('plays commands at the current virtual time and lets time pass: the follow-up is sent after 24 h', () => {
    const live = session();
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    expect(omarsRun(live)).toMatchObject({ status: 'active', atStep: 'wait', waitingFor: 'timer' });
    live.advance(24 * HOUR);
    expect(omarsRun(live)).toMatchObject({ status: 'completed' });
    expect(live.trace().some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith('Just checking in'))).toBe(true);
  });

  it('stops the run on an exit condition met live, and the follow-up never comes', () => {
    const live = session();
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(HOUR);
    const outcome = live.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Hello Omar, Alice here' });
    expect(outcome.ok && outcome.entries.map((entry) => entry.kind)).toContain('run.stopped');
    expect(omarsRun(live)).toMatchObject({ status: 'stopped', reason: 'outgoing_message', stoppedBy: 'alice' });
    const later = [...(live.jumpToNext() ?? []), ...live.advance(48 * HOUR)];
    expect(later.filter((entry) => entry.kind === 'message.sent')).toEqual([]);
    expect(omarsRun(live)?.status).toBe('stopped');
  });

  it('refuses a stop by a restricted agent, whatever the UI showed, and changes nothing', () => {
    const live = session(followUp({ manualStop: true, exitConditions: { enabled: false, on: [] } }));
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    const before = omarsRun(live);
    const outcome = live.command({ type: 'workflow.stop', contact: 'omar', user: 'rita', workflow: '24h follow-up' });
    expect(outcome.ok && outcome.entries.filter((entry) => entry.kind === 'stop.refused')).toEqual([expect.objectContaining({ user: 'rita', reason: 'restricted_user' })]);
    expect(omarsRun(live)).toEqual(before);
  });

  it('refuses a stop of a Workflow without manual stop, for any user', () => {
    const live = session();
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    const outcome = live.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: '24h follow-up' });
    expect(outcome.ok && outcome.entries.filter((entry) => entry.kind === 'stop.refused').map((entry) => entry.reason)).toEqual(['manual_stop_off']);
    expect(omarsRun(live)?.status).toBe('active');
  });

  it('rejects a malformed command (unknown contact or user) and records nothing', () => {
    const live = session();
    const outcome = live.command({ type: 'agent.message', contact: 'nobody', user: 'zed', text: 'Hi' });
    expect(outcome.ok).toBe(false);
    expect(live.script().events).toEqual([]);
  });

  it('records the session as a script that replays to the same trace', () => {
    const live = session(followUp({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } }));
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(90 * 60_000 + 500);
    live.command({ type: 'contact.message', contact: 'omar', text: 'Still there?' });
    live.advance(30 * HOUR);
    const replay = new Simulation({ workflows: [followUp({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } })], script: live.script() }).runToEnd();
    expect(live.script().events.map((event) => event.at)).toEqual(['+0', '+1h30m1s']);
    expect(runStates(replay)).toEqual(live.runs());
  });

  it('records a command given right after a timer fired in the next second, so the replay keeps what the person saw', () => {
    const live = session();
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.jumpToNext();
    expect(live.time).toBe(24 * HOUR);
    expect(omarsRun(live)?.status).toBe('completed');
    live.command({ type: 'contact.message', contact: 'omar', text: 'Thanks!' });
    expect(live.script().events.map((event) => event.at)).toEqual(['+0', '+1d1s']);
    expect(live.trace().some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith('Just checking in'))).toBe(true);
    expect(omarsRun(live)?.status).toBe('completed');
  });

  it('says when the next timer is due, and null when nothing is pending', () => {
    const live = session();
    expect(live.nextDue()).toBeNull();
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    expect(live.nextDue()).toBe(24 * HOUR);
  });

  it('jumps past the timer of a stopped run to the next live one, and never runs anything due after the instant it reached', () => {
    const live = session(followUp({ manualStop: true, exitConditions: { enabled: false, on: [] } }));
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(HOUR);
    live.command({ type: 'contact.message', contact: 'lee', text: 'Hello' });
    live.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: '24h follow-up' });
    // Omar's cancelled timer (+24h) is still queued; the next live one is Lee's (+25h).
    expect(live.nextDue()).toBe(25 * HOUR);
    const jumped = live.jumpToNext() ?? [];
    expect(live.time).toBe(25 * HOUR);
    expect(jumped.every((entry) => entry.t <= live.time)).toBe(true);
    expect(jumped.filter((entry) => entry.kind === 'message.sent').map((entry) => entry.contact)).toEqual(['lee']);
  });

  it('counts a paused run’s resume as the next thing due, not its frozen timer; a person’s message pushes it back', () => {
    const handBack = followUp({
      manualStop: true,
      exitConditions: { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } },
      pause: { resume: { on: 'silence', after: '2h' } },
    });
    const live = session(handBack);
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(HOUR);
    live.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Alice here' });
    expect(omarsRun(live)).toMatchObject({ status: 'paused', resumesAt: 3 * HOUR });
    // Its timer (+24h) is frozen; what comes next is the resume, 2h after Alice's message.
    expect(live.nextDue()).toBe(3 * HOUR);
    live.advance(HOUR);
    live.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Still here' });
    // The resume first queued at +3h stays queued: jumping there would show nothing happening.
    expect(live.nextDue()).toBe(4 * HOUR);
    const resumed = live.jumpToNext() ?? [];
    expect(live.time).toBe(4 * HOUR);
    expect(resumed.map((entry) => entry.kind)).toContain('run.resumed');
    expect(omarsRun(live)).toMatchObject({ status: 'active', due: 4 * HOUR + 23 * HOUR });
    expect(live.nextDue()).toBe(27 * HOUR);
  });

  it('has nothing due for a run paused until the conversation is closed', () => {
    const closedOnly = followUp({
      manualStop: true,
      exitConditions: { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } },
      pause: { resume: { on: 'conversation_closed' } },
    });
    const live = session(closedOnly);
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.command({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Alice here' });
    expect(omarsRun(live)).toMatchObject({ status: 'paused' });
    expect(live.nextDue()).toBeNull();
    expect(live.jumpToNext()).toBeNull();
  });

  it('runUntil stops at its limit even when it skips a cancelled timer on the way', () => {
    const live = session(followUp({ manualStop: true, exitConditions: { enabled: false, on: [] } }));
    live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(HOUR);
    live.command({ type: 'contact.message', contact: 'lee', text: 'Hello' });
    live.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: '24h follow-up' });
    const entries = live.advance(24 * HOUR - live.time);
    expect(entries.filter((entry) => entry.kind !== 'timer.cancelled')).toEqual([]);
    expect(live.runs().find((run) => run.contact === 'lee')).toMatchObject({ status: 'active', waitingFor: 'timer' });
  });
});

describe('a live session resumed from its script (after a reload)', () => {
  it('is the same session: started on its script and moved to its clock, the same runs and trace; it goes on recording after what was recorded', () => {
    const first = session();
    first.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    first.advance(HOUR);
    first.command({ type: 'contact.message', contact: 'lee', text: 'Hello' });
    first.advance(30 * 60_000);

    const started = LiveSession.start([followUp()], first.script());
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const resumed = started.session;
    resumed.advance(first.time);
    expect(resumed.time).toBe(first.time);
    expect(resumed.trace()).toEqual(first.trace());
    expect(resumed.runs()).toEqual(first.runs());

    // Both go on alike, and the resumed one's script holds every command once, in order.
    for (const live of [first, resumed]) live.command({ type: 'contact.message', contact: 'omar', text: 'Still there?' });
    expect(resumed.trace()).toEqual(first.trace());
    expect(resumed.script().events).toEqual(first.script().events);
    expect(resumed.script().events.map((event) => event.at)).toEqual(['+0', '+1h', '+1h30m']);
  });
});
