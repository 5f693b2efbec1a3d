// Enforcement in the engine through the worker API: `LiveSessionService` is what simulator/worker.ts
// exposes as `live`. Every call here goes through `overTheWire`, which structured-clones the
// arguments and the answer as comlink does, and checks each answer against `liveResultSchema`.
// Manual stop, precisely: a stop by a restricted user, or of a Workflow without manual
// stop, is refused with a reason and changes nothing — whatever the caller's UI showed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceEntries } from '../../../simulator/engine/materialize.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { liveResultSchema, type LiveResult, type LiveUpdate } from '../../../simulator/schema/live.ts';
import { parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { LiveSessionService } from '../../../simulator/service/liveSessionService.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';
import { everySecondWorkflow } from '../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;
const WORKFLOW = '24h follow-up';
const FOLLOW_UP_TEXT = 'Just checking in — did we answer your question?';

/** Manual stop on, exit conditions off: only a person's stop can end a run early. */
const STOPPABLE: WorkflowSettings = { manualStop: true, exitConditions: { enabled: false, on: [] } };
/** The example's own settings: manual stop off, every exit condition on. */
const NOT_STOPPABLE: WorkflowSettings = { manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message', 'manual_assignment'] } };

/** The follow-up example (public/examples/follow-up), with the given stop settings. */
function followUp(settings: WorkflowSettings): Workflow {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as Record<string, unknown>;
  const parsed = parseWorkflowDocument({ ...raw, settings });
  if (!parsed.ok) throw new Error('the follow-up example does not parse');
  return parsed.value;
}

/** The Messages view's cast: Olivia (owner), Max (manager), Alice (agent), Rita (restricted agent); Dana, Omar, Lee. */
const base = (): Script => demoScript(new Date('2026-01-05T09:00:00Z'));

/**
 * The service as the main thread reaches it through comlink: arguments and answers are
 * structured-cloned (plain data only), and every answer must be a `LiveResult` exactly as the
 * schema describes it (nothing the schema would strip). With `whole`, each update's trace is
 * handed on spliced whole (`from` 0), as the page keeps it, for tests that read the whole trace.
 */
function overTheWire({ whole = false } = {}) {
  const service = new LiveSessionService();
  let kept: TraceEntry[] = [];
  const received = (result: LiveResult): LiveResult => {
    const copy = structuredClone(result);
    expect(liveResultSchema.parse(copy)).toEqual(result);
    if (!whole || !copy.ok) return copy;
    kept = splice(kept, copy.update);
    return { ...copy, update: { ...copy.update, trace: { from: 0, entries: kept } } };
  };
  return {
    start: (input: unknown) => received(service.start(structuredClone(input))),
    command: (input: unknown) => received(service.command(structuredClone(input))),
    advance: (ms: unknown) => received(service.advance(structuredClone(ms))),
    jumpToNext: () => received(service.jumpToNext()),
    script: () => structuredClone(service.script()),
  };
}
type Wire = ReturnType<typeof overTheWire>;

function updateOf(result: LiveResult): LiveUpdate {
  if (!result.ok) throw new Error(`the engine refused: ${result.problems.map((problem) => problem.message).join('; ')}`);
  return result.update;
}

function messagesOf(result: LiveResult): string[] {
  if (result.ok) throw new Error('expected the engine to refuse the input');
  return result.problems.map((problem) => problem.message);
}

/** Keep the entries before `from`, then append the new ones (the splice `liveUpdateSchema` describes). */
const splice = (trace: readonly TraceEntry[], update: LiveUpdate): TraceEntry[] => [...trace.slice(0, update.trace.from), ...update.trace.entries];

/** A started session on these Workflows in which Omar has written in (his run waits 24 h). */
function omarWroteIn(workflows: readonly Workflow[], whole = false): { live: Wire; after: LiveUpdate } {
  const live = overTheWire({ whole });
  updateOf(live.start({ workflows, base: base() }));
  const after = updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'Hi, pricing?' }));
  expect(after.runs).toEqual([expect.objectContaining({ contact: 'omar', workflow: 'follow-up', status: 'active', atStep: 'wait', waitingFor: 'timer' })]);
  return { live, after };
}

const stop = (user: string) => ({ type: 'workflow.stop', contact: 'omar', user, workflow: WORKFLOW });

describe('manual stop, enforced by the engine behind the worker API', () => {
  it('(a) refuses a restricted agent’s stop of a Workflow with manual stop on: a refusal in the trace, nothing else changes', () => {
    const { live, after: before } = omarWroteIn([followUp(STOPPABLE)], true);
    const refused = updateOf(live.command(stop('rita')));

    const added = refused.trace.entries.slice(before.trace.entries.length);
    expect(refused.trace.entries.slice(0, before.trace.entries.length)).toEqual(before.trace.entries);
    expect(added.filter((entry) => entry.kind === 'stop.refused')).toEqual([
      expect.objectContaining({ contact: 'omar', workflow: 'follow-up', user: 'rita', reason: 'restricted_user' }),
    ]);
    // The request and its refusal are all the command added.
    expect(added.map((entry) => entry.kind)).toEqual(['event', 'stop.refused']);
    expect(refused.runs).toEqual(before.runs);
    expect(refused.contacts).toEqual(before.contacts);
    expect(refused.nextDue).toBe(24 * HOUR);

    // The run goes on: the follow-up still arrives.
    const later = updateOf(live.jumpToNext());
    expect(later.trace.entries).toContainEqual(expect.objectContaining({ kind: 'message.sent', contact: 'omar', text: FOLLOW_UP_TEXT }));
  });

  it.each([
    ['olivia', 'owner'],
    ['max', 'manager'],
    ['alice', 'agent'],
  ])('(b) refuses %s (%s) a stop of a Workflow without manual stop, and the run stays active', (user) => {
    const { live, after: before } = omarWroteIn([followUp(NOT_STOPPABLE)], true);
    const refused = updateOf(live.command(stop(user)));
    expect(refused.trace.entries.slice(before.trace.entries.length).filter((entry) => entry.kind === 'stop.refused')).toEqual([
      expect.objectContaining({ user, reason: 'manual_stop_off' }),
    ]);
    expect(refused.trace.entries.some((entry) => entry.kind === 'run.stopped')).toBe(false);
    expect(refused.runs).toEqual(before.runs);
    expect(refused.runs[0]?.status).toBe('active');
  });

  it('(c) carries out an unrestricted agent’s stop, with reason manual and who; a second stop is refused as already stopped', () => {
    const { live } = omarWroteIn([followUp(STOPPABLE)], true);
    updateOf(live.advance(HOUR));
    const stopped = updateOf(live.command(stop('alice')));
    expect(stopped.runs).toEqual([expect.objectContaining({ status: 'stopped', reason: 'manual', stoppedBy: 'alice', atStep: 'wait' })]);
    const stoppedAt = stopped.runs[0]?.endedAt ?? -1;
    expect(stoppedAt).toBeGreaterThanOrEqual(HOUR);
    expect(stopped.trace.entries.filter((entry) => entry.kind === 'run.stopped')).toEqual([
      expect.objectContaining({ t: stoppedAt, user: 'alice', reason: 'manual' }),
    ]);
    expect(stopped.nextDue).toBeNull();

    const again = updateOf(live.command(stop('alice')));
    const added = again.trace.entries.slice(stopped.trace.entries.length);
    expect(added.filter((entry) => entry.kind === 'stop.refused')).toEqual([expect.objectContaining({ user: 'alice', reason: 'already_stopped' })]);
    expect(added.some((entry) => entry.kind === 'run.stopped')).toBe(false);
    expect(again.runs).toEqual(stopped.runs);

    // Stopped means the 24 h follow-up never comes.
    const dayLater = updateOf(live.advance(48 * HOUR));
    expect(dayLater.trace.entries.filter((entry) => entry.kind === 'message.sent' && entry.t > stoppedAt)).toEqual([]);
  });
});

describe('malformed input through the worker API', () => {
  it('(d) refuses any call before a session started, with a readable reason', () => {
    const live = overTheWire();
    for (const result of [live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }), live.advance(1000), live.jumpToNext()])
      expect(messagesOf(result)).toEqual(['No live session is running: start one first']);
    expect(live.script()).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['a string', 'garbage', /^Expected an object, not text$/],
    ['null', null, /^Expected an object, not null$/],
    ['no Workflows and no script', { workflows: [], base: {} }, /Load at least one Workflow/],
    ['a script without contacts', { workflows: [followUp(STOPPABLE)], base: { ...base(), contacts: [] } }, /at least one contact/],
    ['an invalid Workflow', { workflows: [followUp({ manualStop: true, exitConditions: { enabled: true, on: [] } })], base: base() }, /Exit conditions are on but none is selected/],
  ])('(d) refuses to start on %s, with readable problems', (_name, input, message) => {
    const live = overTheWire();
    const result = live.start(input);
    expect(result.ok).toBe(false);
    expect(messagesOf(result).join('\n')).toMatch(message);
    if (!result.ok) for (const problem of result.problems) expect(problem.path).toMatch(/^\$/);
    expect(live.script()).toBeNull();
  });

  it('(d) names the document a start problem is in: the script, or the Workflow and which', () => {
    const live = overTheWire();
    const result = live.start({ workflows: [followUp(STOPPABLE), { ...followUp(STOPPABLE), id: 'other', name: '' }], base: { ...base(), contacts: [] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ source: 'script', index: 0, path: '$.contacts' }));
    expect(result.problems).toContainEqual(expect.objectContaining({ source: 'workflow', index: 1, path: '$.name' }));
  });

  it('(d) a failed start leaves a running session as it was', () => {
    const { live, after } = omarWroteIn([followUp(STOPPABLE)]);
    const recorded = live.script();
    expect(live.start('garbage').ok).toBe(false);
    expect(live.script()).toEqual(recorded);
    expect(updateOf(live.advance(0)).trace).toEqual({ from: after.trace.entries.length, entries: [] });
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown command type', { type: 'teleport', contact: 'omar' }, /Invalid discriminator value/],
    ['an unknown contact', { type: 'contact.message', contact: 'nobody', text: 'Hi' }, /No contact "nobody"/],
    ['an unknown user', { type: 'agent.message', contact: 'omar', user: 'zed', text: 'Hi' }, /No user "zed"/],
    ['a stop of a Workflow that is not loaded', { type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: 'Lead nurture' }, /No Workflow "Lead nurture" is loaded/],
    ['a message without text', { type: 'contact.message', contact: 'omar' }, /Required: text/],
    ['not an object', 'stop it', /Invalid discriminator value/],
  ])('(d) refuses %s with a readable problem and records nothing', (_name, input, message) => {
    const { live, after } = omarWroteIn([followUp(STOPPABLE)]);
    const recorded = live.script();
    expect(recorded?.events).toHaveLength(1);

    expect(messagesOf(live.command(input)).join('\n')).toMatch(message);
    expect(live.script()).toEqual(recorded);
    // Nothing new in the trace either: the next tick has nothing to send.
    expect(updateOf(live.advance(0)).trace).toEqual({ from: after.trace.entries.length, entries: [] });
  });

  it('(d) carries a command out now, whatever time it claims', () => {
    const { live } = omarWroteIn([followUp(STOPPABLE)]);
    updateOf(live.advance(HOUR));
    const done = updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'Back in time', at: '+0' }));
    expect(done.time).toBe(HOUR);
    expect(live.script()?.events.map((event) => event.at)).toEqual(['+0', '+1h']);
    expect(done.trace.entries.at(-1)).toMatchObject({ t: HOUR });
  });

  it.each<[string, unknown]>([
    ['a negative span', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '1000'],
    ['nothing', undefined],
  ])('(d) refuses to advance by %s and the clock stays', (_name, ms) => {
    const { live, after } = omarWroteIn([followUp(STOPPABLE)]);
    expect(messagesOf(live.advance(ms))).toEqual(['Time can only move forward by a finite number of milliseconds']);
    const now = updateOf(live.advance(0));
    expect(now.time).toBe(after.time);
    expect(now.trace).toEqual({ from: after.trace.entries.length, entries: [] });
    expect(live.script()?.events).toHaveLength(1);
  });
});

describe('what the worker sends back', () => {
  it('(e) a tick and a command send only the new trace entries; spliced, they are the replayed trace', () => {
    const workflows = [followUp(STOPPABLE)];
    const live = overTheWire();
    const started = updateOf(live.start({ workflows, base: base() }));
    expect(started.trace).toEqual({ from: 0, entries: [] });
    let trace = splice([], started);

    const steps: (() => LiveResult)[] = [
      () => live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }),
      () => live.advance(HOUR),
      () => live.command({ type: 'contact.message', contact: 'dana', text: 'Hello' }),
      () => live.advance(23 * HOUR + 500),
      () => live.command({ type: 'workflow.stop', contact: 'dana', user: 'alice', workflow: WORKFLOW }),
      () => live.jumpToNext(),
      () => live.advance(HOUR),
      () => live.jumpToNext(),
    ];
    const froms: number[] = [];
    for (const step of steps) {
      const previous = trace.length;
      const update = updateOf(step());
      // A command re-simulates from the start, yet what was sent before is still the beginning
      // (the replay below proves it), so it too sends only what is new.
      expect(update.trace.from).toBe(previous);
      froms.push(update.trace.from);
      trace = splice(trace, update);
      expect(trace.map((entry) => entry.seq)).toEqual(trace.map((_, seq) => seq));
    }
    // Some ticks did send something new (Omar's follow-up at 24 h).
    expect(froms.some((from) => from > 0)).toBe(true);
    expect(trace).toContainEqual(expect.objectContaining({ kind: 'message.sent', contact: 'omar', text: FOLLOW_UP_TEXT }));

    const script = live.script();
    if (!script) throw new Error('no session');
    const replay = new Simulation({ workflows, script });
    const last = updateOf(live.advance(0));
    replay.runUntil(last.time);
    expect(trace).toEqual([...traceEntries(replay)]);
  });

  it('(f) jumps to the 24 h follow-up, then stays put when nothing is pending', () => {
    const { live, after } = omarWroteIn([followUp(NOT_STOPPABLE)]);
    expect(after.nextDue).toBe(24 * HOUR);
    const jumped = updateOf(live.jumpToNext());
    expect(jumped.time).toBe(24 * HOUR);
    expect(jumped.trace.from).toBe(after.trace.entries.length);
    expect(jumped.trace.entries).toContainEqual(expect.objectContaining({ kind: 'message.sent', contact: 'omar', t: 24 * HOUR, text: FOLLOW_UP_TEXT }));
    expect(jumped.runs).toEqual([expect.objectContaining({ status: 'completed', atStep: 'done', endedAt: 24 * HOUR })]);
    expect(jumped.nextDue).toBeNull();

    const still = updateOf(live.jumpToNext());
    expect(still.time).toBe(24 * HOUR);
    expect(still.trace).toEqual({ from: after.trace.entries.length + jumped.trace.entries.length, entries: [] });
  });

  it('(g) answers every call, accepted or refused, with a result the schema accepts', () => {
    const live = overTheWire();
    const results: LiveResult[] = [
      live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }),
      live.start({ workflows: 'none', base: 42 }),
      live.start({ workflows: [followUp(STOPPABLE)], base: base() }),
      live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }),
      live.command(stop('rita')),
      live.command(stop('alice')),
      live.command(stop('alice')),
      live.command({ type: 'assign', contact: 'omar', user: 'max', to: 'alice' }),
      live.command({ type: 'teleport' }),
      live.advance(-5),
      live.advance(HOUR),
      live.jumpToNext(),
    ];
    // `overTheWire` checked each against the schema; both kinds of answer were among them.
    expect(results.map((result) => result.ok)).toEqual([false, false, true, true, true, true, true, true, false, false, true, true]);
    for (const result of results) expect(liveResultSchema.safeParse(result).success).toBe(true);
    const last = results.at(-1);
    expect(last && updateOf(last).contacts).toContainEqual({ contact: 'omar', assignee: 'alice', open: true });
  });
});

describe('the live clock at its limits (issue 13, item 8)', () => {
  const YEAR = 365 * 24 * HOUR;

  it('stops at its horizon however far it is sent, and stays finite', () => {
    const { live } = omarWroteIn([followUp(STOPPABLE)]);
    const first = updateOf(live.advance(1e308));
    expect(first.time).toBe(YEAR);
    expect(first.halted).toMatchObject({ reason: 'horizon', at: YEAR });
    const second = updateOf(live.advance(1e308));
    expect(second.time).toBe(YEAR);
    expect(Number.isFinite(second.time)).toBe(true);
  });

  it('plays a command at the horizon, and refuses the next (it would fall past it) with the reason, changing nothing', () => {
    const { live } = omarWroteIn([followUp(STOPPABLE)]);
    updateOf(live.advance(2 * YEAR));
    const atEnd = updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'still there?' }));
    expect(atEnd.trace.entries.at(-1)?.t).toBe(YEAR);
    const refused = live.command({ type: 'contact.message', contact: 'omar', text: 'hello?' });
    expect(messagesOf(refused)).toEqual([expect.stringMatching(/^The session's clock is at its end \(\+365d\): a command now would never play/)]);
    // Not recorded: the saved script has the two messages that played.
    expect(live.script()?.events.map((event) => event.at)).toEqual(['+0', '+365d']);
    const after = updateOf(live.advance(0));
    expect(after.runs).toEqual(atEnd.runs);
    expect(after.time).toBe(atEnd.time);
  });

  it('a Workflow that loops every second: one advance of 30 days stops short with its reason, and play goes on', () => {
    const live = overTheWire();
    updateOf(live.start({ workflows: [everySecondWorkflow()], base: base() }));
    const wrote = updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'hi' }));
    const stopped = updateOf(live.advance(30 * 24 * HOUR));
    expect(stopped.halted?.reason).toBe('advance_limit');
    expect(stopped.halted?.message).toMatch(/^The clock stopped at \+[\dhms]+: 20,000 trace entries in one step of time/);
    expect(stopped.time).toBeLessThan(30 * 24 * HOUR);
    expect(stopped.trace.entries.length).toBeLessThanOrEqual(20_010);
    const next = updateOf(live.advance(1000));
    expect(next.time).toBe(stopped.time + 1000);
    expect(next.halted).toBeNull();
    expect(next.trace.from).toBe(wrote.trace.entries.length + stopped.trace.entries.length);
  });
});

describe('a live session plays listed contacts (found by the fuzzing suite)', () => {
  it('refuses a population script at start: a command "now" would be shifted by its jitter and never seen', () => {
    const live = overTheWire();
    const result = live.start({ workflows: [followUp(STOPPABLE)], base: { ...base(), population: { contacts: 1, jitter: '1h', seed: 0 } } });
    expect(result).toEqual({ ok: false, problems: [{ source: 'script', index: 0, path: '$.population', message: 'A live session plays the listed contacts; play a population in the simulator' }] });
  });
});

describe('the live clock counts whole milliseconds (found by the fuzzing suite)', () => {
  it('a sliver of a millisecond does not move it, so a command after it never sends the clock back', () => {
    const live = overTheWire();
    updateOf(live.start({ workflows: [followUp(STOPPABLE)], base: base() }));
    expect(updateOf(live.advance(5e-324)).time).toBe(0);
    expect(updateOf(live.advance(1.9)).time).toBe(1);
    const after = updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }));
    expect(after.time).toBeGreaterThanOrEqual(1);
  });
});
