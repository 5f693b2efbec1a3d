// The simulator workspace's playback through the worker API: `PlaybackService` is what
// simulator/worker.ts exposes as `playback`. Every call goes through `overTheWire`, which
// structured-clones the arguments and the answer as comlink does and checks each answer against
// `playbackLoadResultSchema` / `playbackResultSchema`. Time warp pauses, steps one event, jumps to
// the next event, seeks to any instant (re-simulating deterministically from the start) and runs
// to the end; the same instant must show the same state however it was reached. `report` answers
// the end-of-run report of what is loaded (checked against `simulationReportOutcomeSchema`).
import { describe, expect, it } from 'vitest';
import { everySecondWorkflow } from '../../harness/workflowFixtures.ts';
import { runStates, traceEntries } from '../../../simulator/engine/materialize.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import {
  playbackLoadResultSchema,
  playbackResultSchema,
  type NodeStat,
  type PlaybackFrame,
  type PlaybackInfo,
  type PlaybackLoadResult,
  type PlaybackResult,
} from '../../../simulator/schema/playback.ts';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import { MAX_REPORT_ROWS, reportRowsSchema, simulationReportOutcomeSchema, type ReportRows, type SimulationReport, type SimulationReportOutcome } from '../../../simulator/schema/report.ts';
import type { RunState } from '../../../simulator/schema/run.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { CONTACT_TRACE_WINDOW, MAX_LISTED_CONTACTS, MAX_MARKS, PlaybackService } from '../../../simulator/service/playbackService.ts';
import { REPORT_PAGE, simulationReport } from '../../../simulator/trace/simulationReport.ts';
import { exampleScript, exampleWorkflow, followUpSituation, hotLeadSituation } from '../../harness/exampleDocuments.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FOLLOW_UP_TEXT = 'Just checking in';
/** The follow-up example's settings with exit conditions off: nothing stops a run early. */
const NO_EXITS: WorkflowSettings = { manualStop: false, exitConditions: { enabled: false, on: [] } };

type Situation = { workflows: Workflow[]; script: Script };

/**
 * The service as the main thread reaches it through comlink: arguments and answers are
 * structured-cloned, and every answer must be exactly what the schema describes. Beside the
 * answers it keeps what the UI keeps: the selected contact's trace, spliced from the frames.
 */
function overTheWire() {
  const service = new PlaybackService();
  const viewer = { contact: null as string | null, trace: [] as TraceEntry[] };
  const see = (frame: PlaybackFrame) => {
    const contact = frame.contact;
    if (!contact) {
      Object.assign(viewer, { contact: null, trace: [] });
      return;
    }
    const previous = contact.id === viewer.contact ? viewer.trace : [];
    // A splice never leaves a gap: it keeps entries the viewer has, and appends.
    expect(contact.trace.from).toBeLessThanOrEqual(previous.length);
    Object.assign(viewer, { contact: contact.id, trace: [...previous.slice(0, contact.trace.from), ...contact.trace.entries] });
  };
  const loaded = (result: PlaybackLoadResult): PlaybackLoadResult => {
    const copy = structuredClone(result);
    expect(playbackLoadResultSchema.parse(copy)).toEqual(result);
    if (copy.ok) {
      // A new timeline: the viewer starts over with the first frame.
      Object.assign(viewer, { contact: null, trace: [] });
      see(copy.frame);
    }
    return copy;
  };
  const answered = (result: PlaybackResult): PlaybackResult => {
    const copy = structuredClone(result);
    expect(playbackResultSchema.parse(copy)).toEqual(result);
    if (copy.ok) see(copy.frame);
    return copy;
  };
  return {
    viewer,
    load: (input: unknown) => loaded(service.load(structuredClone(input))),
    reload: (input: unknown) => loaded(service.reload(structuredClone(input))),
    advance: (ms: unknown) => answered(service.advance(structuredClone(ms))),
    seek: (to: unknown) => answered(service.seek(structuredClone(to))),
    step: () => answered(service.step()),
    nextEvent: () => answered(service.nextEvent()),
    runToEnd: () => answered(service.runToEnd()),
    selectContact: (id: unknown) => answered(service.selectContact(structuredClone(id))),
    report: (): SimulationReportOutcome => {
      const copy = structuredClone(service.report());
      expect(simulationReportOutcomeSchema.parse(copy)).toEqual(copy);
      return copy;
    },
    reportRows: (request: unknown): ReportRows => {
      const copy = structuredClone(service.reportRows(structuredClone(request)));
      expect(reportRowsSchema.parse(copy)).toEqual(copy);
      return copy;
    },
  };
}
type Wire = ReturnType<typeof overTheWire>;

function frameOf(result: PlaybackResult | PlaybackLoadResult): PlaybackFrame {
  if (!result.ok) throw new Error(`the engine refused: ${result.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
  return result.frame;
}

function infoOf(result: PlaybackLoadResult): PlaybackInfo {
  if (!result.ok) throw new Error(`the engine refused: ${result.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
  return result.info;
}

function problemsOf(result: PlaybackResult | PlaybackLoadResult) {
  if (result.ok) throw new Error('expected the engine to refuse the input');
  return result.problems;
}

/** A playback loaded with these inputs, and what it answered. */
function loaded(input: Situation): { wire: Wire; info: PlaybackInfo; first: PlaybackFrame } {
  const wire = overTheWire();
  const result = wire.load(input);
  return { wire, info: infoOf(result), first: frameOf(result) };
}

/** What a fresh simulation of the same inputs shows at `t`: one contact's trace and runs. */
function replayed(input: Situation, t: number, contact: string): { trace: TraceEntry[]; runs: RunState[] } {
  const sim = new Simulation(input);
  sim.runUntil(t);
  return {
    trace: [...traceEntries(sim)].filter((entry) => entry.contact === contact),
    runs: runStates(sim).filter((run) => run.contact === contact),
  };
}

/** The whole run's trace, as the CLI would give it. */
const fullTrace = (input: Situation): TraceEntry[] => [...traceEntries(new Simulation(input).runToEnd())];

/** A frame without its trace splice (which depends on what was sent before, not on the instant). */
const stateOf = (frame: PlaybackFrame) => ({ ...frame, contact: frame.contact && { id: frame.contact.id, runs: frame.contact.runs } });

const statOf = (frame: PlaybackFrame, step: string): NodeStat | undefined => frame.stats.find((stat) => stat.step === step);
const runsAt = (stat: NodeStat) => stat.waiting + stat.completed + stat.failed + Object.values(stat.stopped).reduce((a, b) => a + (b ?? 0), 0);

/** Plays to `t` in small ticks of `tick` ms, as play at some speed does. */
function playTo(wire: Wire, t: number, tick: number): PlaybackFrame {
  let frame = frameOf(wire.advance(0));
  for (let ticks = 0; frame.time < t; ticks++) {
    if (ticks > 100_000) throw new Error('play does not get there');
    frame = frameOf(wire.advance(Math.min(tick, t - frame.time)));
  }
  return frame;
}

/** Two contacts: Omar writes in and replies at +3h (his run stops); Dana writes in at +1h and nobody answers. */
function twoContacts(): Situation {
  const parsed = parseScriptDocument({
    format: 'exitflow.script/1',
    name: 'Two contacts',
    start: '2026-01-05T09:00:00Z',
    users: [{ id: 'alice', name: 'Alice', role: 'agent' }],
    contacts: [
      { id: 'omar', name: 'Omar' },
      { id: 'dana', name: 'Dana' },
    ],
    events: [
      { at: '+0', contact: 'omar', type: 'contact.message', text: 'Do you ship to Canada?' },
      { at: '+1h', contact: 'dana', type: 'contact.message', text: 'Pricing?' },
      { at: '+3h', contact: 'omar', type: 'contact.message', text: 'Found it, thanks' },
    ],
  });
  if (!parsed.ok) throw new Error('the two-contact script does not parse');
  return { workflows: [exampleWorkflow('follow-up/follow-up.workflow.json')], script: parsed.value };
}

// ── 1. load ───────────────────────────────────────────────────────────────────────────────────

describe('load', () => {
  it('answers the timeline and the contacts of a script, and a first frame at time 0', () => {
    const input = followUpSituation('contact-replies.script.json');
    const { info, first } = loaded(input);
    // Omar writes at +0; his reply at +3h stops the run: that is the last thing that happens.
    expect(info).toEqual({
      startEpochMs: Date.parse('2026-01-05T09:00:00Z'),
      timeZone: input.script.timezone,
      end: 3 * HOUR,
      marks: [
        { t: 0, kind: 'event', count: 1 },
        { t: 3 * HOUR, kind: 'event', count: 1 },
        { t: 3 * HOUR, kind: 'stop', count: 1 },
      ],
      contacts: [{ id: 'omar', name: 'Omar' }],
      contactCount: 1,
      expectations: [expect.objectContaining({ index: 0, passed: true }), expect.objectContaining({ index: 1, passed: true })],
    });
    expect(first).toMatchObject({ time: 0, done: false, contact: { id: 'omar', trace: { from: 0 } } });
    expect(first.nextEventTime).toBe(0);
  });

  it.each<[string, () => Situation]>([
    ['follow-up, contact replies', () => followUpSituation('contact-replies.script.json')],
    ['follow-up, nobody answers', () => followUpSituation('nobody-answers.script.json')],
    ['follow-up, same-second reply', () => followUpSituation('reply-at-the-same-second.script.json')],
    ['hot lead, agent takes over', () => hotLeadSituation('agent-takes-over.script.json')],
    ['hot lead, agent stops it', () => hotLeadSituation('agent-stops-it.script.json')],
    ['hot lead, contact answers the question', () => hotLeadSituation('contact-answers-question.script.json')],
    ['two contacts', twoContacts],
  ])('(%s) ends at the last trace entry of a full run, with sorted marks that account for every event and stop', (_name, situation) => {
    const input = situation();
    const { info } = loaded(input);
    const trace = fullTrace(input);
    expect(info.end).toBe(trace.at(-1)?.t);
    expect(info.marks.map((mark) => mark.t)).toEqual(info.marks.map((mark) => mark.t).sort((a, b) => a - b));
    expect(info.marks.length).toBeLessThanOrEqual(MAX_MARKS);
    for (const [kind, traceKind] of [['event', 'event'], ['stop', 'run.stopped']] as const) {
      const entries = trace.filter((entry) => entry.kind === traceKind);
      const marks = info.marks.filter((mark) => mark.kind === kind);
      expect(marks.reduce((sum, mark) => sum + mark.count, 0)).toBe(entries.length);
      // Each mark sits where such an entry happened.
      for (const mark of marks) expect(entries.map((entry) => entry.t)).toContain(mark.t);
    }
    expect(info.marks.every((mark) => mark.kind === 'event' || mark.kind === 'stop')).toBe(true);
    expect(info.contacts.map((contact) => contact.id)).toEqual(input.script.contacts.map((contact) => contact.id));
    expect(info.contactCount).toBe(input.script.contacts.length);
  });

  it('lists a population’s first contacts only, with its size, and marks every event and stop', () => {
    const input = followUpSituation('population.script.json');
    const { info, first } = loaded(input);
    expect(info.contactCount).toBe(1000);
    expect(info.contacts).toHaveLength(MAX_LISTED_CONTACTS);
    expect(new Set(info.contacts.map((contact) => contact.id)).size).toBe(MAX_LISTED_CONTACTS);
    const trace = fullTrace(input);
    expect(info.end).toBe(trace.at(-1)?.t);
    expect(info.marks.map((mark) => mark.t)).toEqual(info.marks.map((mark) => mark.t).sort((a, b) => a - b));
    expect(info.marks.filter((mark) => mark.kind === 'event').reduce((sum, mark) => sum + mark.count, 0)).toBe(trace.filter((entry) => entry.kind === 'event').length);
    expect(info.marks.filter((mark) => mark.kind === 'stop').reduce((sum, mark) => sum + mark.count, 0)).toBe(trace.filter((entry) => entry.kind === 'run.stopped').length);
    expect(first.time).toBe(0);
  });

  // Marks are bucketed per kind: the buckets are sized so both kinds together stay within MAX_MARKS.
  it('keeps at most MAX_MARKS marks for a population', () => {
    const { info } = loaded(followUpSituation('population.script.json'));
    expect(info.marks.length).toBeLessThanOrEqual(MAX_MARKS);
  });

  it.each<[string, unknown, RegExp]>([
    ['a string', 'garbage', /^Expected an object, not text$/],
    ['null', null, /^Expected an object, not null$/],
    ['no Workflows', { workflows: [], script: exampleScript('follow-up/contact-replies.script.json') }, /Load at least one Workflow/],
  ])('refuses %s with readable problems at JSON paths', (_name, input, message) => {
    const problems = problemsOf(overTheWire().load(input));
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(message);
    for (const problem of problems) {
      expect(problem.path).toMatch(/^\$/);
      expect(['script', 'workflow']).toContain(problem.source);
    }
  });

  it('names the document a problem is in: the script, or the Workflow and which', () => {
    const [nurture, vip] = hotLeadSituation('agent-takes-over.script.json').workflows;
    const script = exampleScript('follow-up/contact-replies.script.json');
    const problems = problemsOf(overTheWire().load({ workflows: [nurture, { ...vip, name: 42 }], script: { ...script, contacts: [] } }));
    expect(problems).toContainEqual(expect.objectContaining({ source: 'script', index: 0, path: '$.contacts' }));
    expect(problems).toContainEqual(expect.objectContaining({ source: 'workflow', index: 1, path: '$.name' }));
    expect(problems.some((problem) => problem.source === 'workflow' && problem.index === 0)).toBe(false);
  });

  it('refuses an invalid Workflow (exit conditions on, none selected), naming it and where', () => {
    const input = hotLeadSituation('agent-takes-over.script.json');
    const invalid = exampleWorkflow('hot-lead/vip-routing.workflow.json', { manualStop: false, exitConditions: { enabled: true, on: [] } });
    const problems = problemsOf(overTheWire().load({ ...input, workflows: [input.workflows[0], invalid] }));
    expect(problems).toEqual([expect.objectContaining({ source: 'workflow', index: 1, message: expect.stringMatching(/Exit conditions are on but none is selected/) })]);
    expect(problems[0]?.path).toMatch(/^\$\.settings/);
  });

  it('refuses a script naming a Workflow that is not loaded, at the event and the expectation', () => {
    const problems = problemsOf(overTheWire().load({ workflows: followUpSituation('nobody-answers.script.json').workflows, script: exampleScript('hot-lead/agent-stops-it.script.json') }));
    expect(problems).toContainEqual(expect.objectContaining({ source: 'script', index: 0, path: '$.events[1].workflow', message: expect.stringMatching(/No Workflow "Lead nurture" is loaded/) }));
    expect(problems).toContainEqual(expect.objectContaining({ source: 'script', index: 0, path: '$.expect[0].workflow' }));
    for (const problem of problems) expect(problem.path).toMatch(/^\$/);
  });

  it('refuses every call before a load, and a failed load leaves a loaded playback as it was', () => {
    const wire = overTheWire();
    for (const result of [wire.advance(HOUR), wire.seek(0), wire.step(), wire.nextEvent(), wire.runToEnd(), wire.selectContact('omar')])
      expect(problemsOf(result).map((problem) => problem.message)).toEqual(['Nothing is loaded']);

    frameOf(wire.load(followUpSituation('contact-replies.script.json')));
    const before = frameOf(wire.seek(HOUR));
    const sent = wire.viewer.trace.length;
    expect(wire.load('garbage').ok).toBe(false);
    expect(wire.load({ workflows: [], script: {} }).ok).toBe(false);
    const after = frameOf(wire.advance(0));
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(after.contact?.trace).toEqual({ from: sent, entries: [] });
  });

  it.each<[string, unknown]>([
    ['a negative span', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '1000'],
    ['nothing', undefined],
  ])('refuses to advance by %s, and the clock stays', (_name, ms) => {
    const { wire } = loaded(followUpSituation('contact-replies.script.json'));
    frameOf(wire.seek(HOUR));
    expect(problemsOf(wire.advance(ms))[0]?.message).toMatch(/finite number of milliseconds/);
    expect(frameOf(wire.advance(0)).time).toBe(HOUR);
  });

  it('refuses to seek to something not a number, and clamps an instant to the timeline', () => {
    const { wire, info } = loaded(followUpSituation('nobody-answers.script.json'));
    expect(problemsOf(wire.seek('+1h'))[0]?.message).toMatch(/Seek to a number/);
    expect(problemsOf(wire.seek(Number.NaN)).length).toBe(1);
    expect(frameOf(wire.seek(10 * info.end)).time).toBe(info.end);
    expect(frameOf(wire.seek(-HOUR)).time).toBe(0);
  });
});

// ── 2. determinism of seek ────────────────────────────────────────────────────────────────────

describe('seek is deterministic: the same instant shows the same state however it was reached', () => {
  const INSTANTS = [0, HOUR, 3 * HOUR, 24 * HOUR, Number.POSITIVE_INFINITY];

  it.each<[string, () => Situation]>([
    ['follow-up, contact replies', () => followUpSituation('contact-replies.script.json')],
    ['follow-up, nobody answers', () => followUpSituation('nobody-answers.script.json')],
    ['hot lead, agent takes over', () => hotLeadSituation('agent-takes-over.script.json')],
    ['hot lead, agent stops it', () => hotLeadSituation('agent-stops-it.script.json')],
    ['hot lead, contact answers the question', () => hotLeadSituation('contact-answers-question.script.json')],
    ['two contacts', twoContacts],
  ])('(%s) seek from a fresh load = play there in small ticks = seek to the end and back = a fresh simulation', (_name, situation) => {
    const input = situation();
    const { info } = loaded(input);
    for (const instant of INSTANTS) {
      const t = Math.min(instant, info.end);
      const contact = info.contacts[0]?.id ?? '';

      const seeking = loaded(input).wire;
      const sought = frameOf(seeking.seek(t));

      const playing = loaded(input).wire;
      const played = playTo(playing, t, 7 * MINUTE);

      const returning = loaded(input).wire;
      const atEnd = frameOf(returning.runToEnd());
      expect(atEnd.time).toBe(info.end);
      const back = frameOf(returning.seek(t));
      // Going back re-simulates from the start: the contact's trace is sent again from 0.
      if (t < info.end) expect(back.contact?.trace.from).toBe(0);

      expect(sought.time).toBe(t);
      expect(stateOf(played)).toEqual(stateOf(sought));
      expect(stateOf(back)).toEqual(stateOf(sought));

      const expected = replayed(input, t, contact);
      expect(sought.contact?.runs).toEqual(expected.runs);
      for (const wire of [seeking, playing, returning]) {
        expect(wire.viewer.contact).toBe(contact);
        expect(wire.viewer.trace).toEqual(expected.trace);
      }
    }
  });

  it('seeking back and forth many times, in any order, keeps showing the same state at each instant', () => {
    const input = hotLeadSituation('agent-stops-it.script.json');
    const { wire, info } = loaded(input);
    const instants = [info.end, 30 * MINUTE, 0, 2 * HOUR, 31 * MINUTE, HOUR, 30 * MINUTE, info.end, 1];
    const seen = new Map<number, ReturnType<typeof stateOf>>();
    for (const t of instants) {
      const frame = frameOf(wire.seek(t));
      const previous = seen.get(t);
      if (previous) expect(stateOf(frame)).toEqual(previous);
      seen.set(t, stateOf(frame));
      expect(wire.viewer.trace).toEqual(replayed(input, t, 'dana').trace);
    }
  });
});

// ── 3. the follow-up example, contact replies ─────────────────────────────────────────────────

describe('the follow-up example: the contact replies at +3h', () => {
  const input = () => followUpSituation('contact-replies.script.json');
  // The script: Omar writes at +0, and again at +3h.
  const REPLY = 3 * HOUR;

  it('the script is what this test assumes', () => {
    expect(input().script.events.map((event) => [event.at, 'contact' in event ? event.contact : '', event.type])).toEqual([
      ['+0', 'omar', 'contact.message'],
      ['+3h', 'omar', 'contact.message'],
    ]);
  });

  it('at the reply the run is stopped by incoming message at "wait"; an hour in it was waiting for the timer', () => {
    const { wire } = loaded(input());
    const atReply = frameOf(wire.seek(REPLY));
    expect(atReply.contact?.runs).toEqual([
      expect.objectContaining({ contact: 'omar', workflow: 'follow-up', status: 'stopped', reason: 'incoming_message', atStep: 'wait', endedAt: REPLY }),
    ]);
    expect(wire.viewer.trace).toContainEqual(expect.objectContaining({ kind: 'run.stopped', t: REPLY, step: 'wait', reason: 'incoming_message' }));
    expect(wire.viewer.trace).toContainEqual(expect.objectContaining({ kind: 'timer.cancelled', t: REPLY, due: 24 * HOUR }));
    expect(statOf(atReply, 'wait')).toEqual({ workflow: 'follow-up', step: 'wait', passed: 1, waiting: 0, paused: 0, completed: 0, failed: 0, stopped: { incoming_message: 1 } });

    // Back to +1h: re-simulated from the start.
    const anHourIn = frameOf(wire.seek(HOUR));
    expect(anHourIn.contact?.runs).toEqual([
      expect.objectContaining({ status: 'active', atStep: 'wait', waitingFor: 'timer', due: 24 * HOUR }),
    ]);
    expect(anHourIn.contact?.runs[0]?.reason).toBeUndefined();
    expect(wire.viewer.trace.some((entry) => entry.kind === 'run.stopped')).toBe(false);
    expect(statOf(anHourIn, 'wait')).toEqual({ workflow: 'follow-up', step: 'wait', passed: 1, waiting: 1, paused: 0, completed: 0, failed: 0, stopped: {} });

    const atEnd = frameOf(wire.runToEnd());
    expect(statOf(atEnd, 'wait')?.stopped).toEqual({ incoming_message: 1 });
    expect(statOf(atEnd, 'check-in')?.passed ?? 0).toBe(0);
    expect(wire.viewer.trace.some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith(FOLLOW_UP_TEXT))).toBe(false);
  });

  it('one millisecond before the reply the run still waits, and the reply is the next thing due', () => {
    const { wire } = loaded(input());
    const before = frameOf(wire.seek(REPLY - 1));
    expect(before.contact?.runs[0]).toMatchObject({ status: 'active', waitingFor: 'timer' });
    expect(before.nextEventTime).toBe(REPLY);
    expect(before.done).toBe(false);
  });
});

// ── 4. step, nextEvent, runToEnd ──────────────────────────────────────────────────────────────

describe('step, next event and run to the end', () => {
  it.each<[string, () => Situation]>([
    ['hot lead, agent takes over', () => hotLeadSituation('agent-takes-over.script.json')],
    ['hot lead, agent stops it', () => hotLeadSituation('agent-stops-it.script.json')],
    ['follow-up, same-second reply', () => followUpSituation('reply-at-the-same-second.script.json')],
  ])('(%s) step processes one queued entry at a time, never goes back, and ends where run to the end does', (_name, situation) => {
    const input = situation();
    const { wire, info, first } = loaded(input);
    // The first frame is before anything at +0 was processed: the first step processes the first event.
    let previous = first;
    let sent = wire.viewer.trace.length;
    let steps = 0;
    for (let i = 0; i < 1000; i++) {
      const frame = frameOf(wire.step());
      expect(frame.time).toBeGreaterThanOrEqual(previous.time);
      const added = wire.viewer.trace.slice(sent);
      if (frame.eventsProcessed === previous.eventsProcessed) {
        // Nothing left to process: nothing moved.
        expect(added).toEqual([]);
        expect(frame.time).toBe(previous.time);
        break;
      }
      steps++;
      expect(frame.eventsProcessed).toBe(previous.eventsProcessed + 1);
      // One entry: an external event or a timer that fired, and what followed from it at that instant.
      expect(['event', 'timer.fired']).toContain(added[0]?.kind);
      expect(added.filter((entry) => entry.kind === 'event' || entry.kind === 'timer.fired')).toHaveLength(1);
      for (const entry of added) expect(entry.t).toBe(frame.time);
      previous = frame;
      sent = wire.viewer.trace.length;
    }
    expect(steps).toBe(new Simulation(input).runToEnd().eventsProcessed);
    expect(previous.time).toBe(info.end);
    const trace = wire.viewer.trace;

    const other = loaded(input).wire;
    const atEnd = frameOf(other.runToEnd());
    expect(stateOf(previous).stats).toEqual(atEnd.stats);
    expect(previous.contact?.runs).toEqual(atEnd.contact?.runs);
    expect(trace).toEqual(other.viewer.trace);
  });

  it('a reply in the very second the follow-up is due is one step; the follow-up’s cancelled timer is skipped, not processed', () => {
    // Omar writes at +0 and again at +1d, the second the 24h wait ends.
    const input = followUpSituation('reply-at-the-same-second.script.json');
    const { wire, first } = loaded(input);
    const visited: [number, string[]][] = [];
    for (let frame = first, i = 0; i < 100; i++) {
      const sent = wire.viewer.trace.length;
      const next = frameOf(wire.step());
      if (next.eventsProcessed === frame.eventsProcessed) break;
      visited.push([next.time, wire.viewer.trace.slice(sent).map((entry) => entry.kind)]);
      frame = next;
    }
    expect(visited.map(([t]) => t)).toEqual([0, 24 * HOUR]);
    expect(visited[1]?.[1]).toEqual(expect.arrayContaining(['event', 'run.stopped', 'timer.cancelled']));
    expect(visited[1]?.[1]).not.toContain('timer.fired');
    expect(wire.viewer.trace).toEqual(fullTrace(input));
    expect(wire.viewer.trace.some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith(FOLLOW_UP_TEXT))).toBe(false);
  });

  it('next event jumps over a cancelled timer to the next instant where something happens', () => {
    // Dana: Lead nurture asks a question with a 1h timeout; Alice stops the run at +30m (the
    // timeout is cancelled), a second stop at +31m is refused, Dana writes again at +2h.
    const input = hotLeadSituation('agent-stops-it.script.json');
    const { wire, info } = loaded(input);
    frameOf(wire.seek(31 * MINUTE));
    expect(wire.viewer.trace).toContainEqual(expect.objectContaining({ kind: 'timer.cancelled', t: 30 * MINUTE, due: HOUR }));
    const sent = wire.viewer.trace.length;
    const next = frameOf(wire.nextEvent());
    expect(next.time).toBe(2 * HOUR);
    const added = wire.viewer.trace.slice(sent);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((entry) => entry.t === 2 * HOUR)).toBe(true);
    expect(added[0]).toMatchObject({ kind: 'event', event: 'contact.message' });
    expect(info.marks.map((mark) => mark.t)).toContain(2 * HOUR);
  });

  it('next event from the start visits each instant that has an entry, in order, each processed whole', () => {
    const input = hotLeadSituation('contact-answers-question.script.json');
    const { wire, info } = loaded(input);
    const trace = fullTrace(input);
    const instants = [...new Set(trace.map((entry) => entry.t))];
    const visited: number[] = [];
    for (let i = 0; i < 100; i++) {
      const sent = wire.viewer.trace.length;
      const frame = frameOf(wire.nextEvent());
      const added = wire.viewer.trace.slice(sent);
      if (added.length === 0) break;
      visited.push(frame.time);
      expect(added.every((entry) => entry.t === frame.time)).toBe(true);
      // All of that instant: nothing more is due at it.
      expect(frame.nextEventTime === null || frame.nextEventTime > frame.time).toBe(true);
      if (frame.time === info.end) break;
    }
    expect(visited).toEqual(instants);
    expect(wire.viewer.trace).toEqual(trace);
  });

  it('run to the end: done, nothing next, at the timeline’s end (nobody answers: the follow-up is sent at 24h)', () => {
    const input = followUpSituation('nobody-answers.script.json');
    const { wire, info } = loaded(input);
    const end = frameOf(wire.runToEnd());
    expect(end).toMatchObject({ time: 24 * HOUR, done: true, nextEventTime: null });
    expect(info.end).toBe(24 * HOUR);
    expect(end.contact?.runs).toEqual([expect.objectContaining({ status: 'completed', atStep: 'done', endedAt: 24 * HOUR })]);
    expect(wire.viewer.trace).toEqual(fullTrace(input));
    // Nothing more: step and next event change nothing.
    for (const again of [wire.step(), wire.nextEvent(), wire.advance(HOUR)]) {
      expect(stateOf(frameOf(again))).toEqual(stateOf(end));
      expect(frameOf(again).contact?.trace.entries).toEqual([]);
    }
  });

  // A stopped run's cancelled timer stays queued; nothing after the timeline's end can happen.
  it('run to the end is done even when a stopped run’s cancelled timer is still queued, and next event stays within the timeline', () => {
    const { wire, info } = loaded(followUpSituation('contact-replies.script.json'));
    const end = frameOf(wire.runToEnd());
    expect(end).toMatchObject({ time: info.end, done: true, nextEventTime: null });
    const after = frameOf(wire.nextEvent());
    expect(after.time).toBeLessThanOrEqual(info.end);
    expect(after.done).toBe(true);
  });

  it('after the last stop, next event lands on an instant with a real entry or leaves the frame done', () => {
    const { wire } = loaded(followUpSituation('contact-replies.script.json'));
    frameOf(wire.seek(3 * HOUR));
    const sent = wire.viewer.trace.length;
    const frame = frameOf(wire.nextEvent());
    expect(wire.viewer.trace.length > sent || frame.done).toBe(true);
  });
});

// ── 5. selecting a contact ────────────────────────────────────────────────────────────────────

describe('selectContact', () => {
  it('refuses an unknown contact and keeps following the selected one', () => {
    const { wire } = loaded(twoContacts());
    frameOf(wire.seek(2 * HOUR));
    const sent = wire.viewer.trace.length;
    for (const id of ['nobody', 42, null, 'omar#1'])
      expect(problemsOf(wire.selectContact(id))[0]?.message).toMatch(/^No contact "/);
    const still = frameOf(wire.advance(0));
    expect(still.contact?.id).toBe('omar');
    expect(still.contact?.trace).toEqual({ from: sent, entries: [] });
  });

  it('switching contacts resends the new contact’s whole trace from 0, and its runs only', () => {
    const input = twoContacts();
    const { wire } = loaded(input);
    frameOf(wire.seek(5 * HOUR));
    expect(wire.viewer.trace).toEqual(replayed(input, 5 * HOUR, 'omar').trace);

    const dana = frameOf(wire.selectContact('dana'));
    expect(dana.contact?.id).toBe('dana');
    expect(dana.contact?.trace.from).toBe(0);
    expect(dana.contact?.trace.entries).toEqual(replayed(input, 5 * HOUR, 'dana').trace);
    expect(dana.contact?.runs).toEqual([expect.objectContaining({ contact: 'dana', status: 'active', atStep: 'wait', due: 25 * HOUR })]);
    // Selecting changes what is shown, not where the playback is.
    expect(dana.time).toBe(5 * HOUR);

    const later = frameOf(wire.seek(30 * HOUR));
    expect(later.contact?.trace.from).toBe(dana.contact?.trace.entries.length);
    expect(wire.viewer.trace).toEqual(replayed(input, 30 * HOUR, 'dana').trace);
    expect(wire.viewer.trace).toContainEqual(expect.objectContaining({ kind: 'message.sent', t: 25 * HOUR, text: expect.stringMatching(FOLLOW_UP_TEXT) }));

    const omar = frameOf(wire.selectContact('omar'));
    expect(omar.contact?.trace.from).toBe(0);
    expect(omar.contact?.trace.entries).toEqual(replayed(input, 30 * HOUR, 'omar').trace);
    expect(omar.contact?.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'stopped', reason: 'incoming_message' })]);
  });

  // A population's listed contacts (`lead#1`…) are generated ids, not the script's template ids.
  it('follows a population’s first listed contact, and any listed contact can be selected', () => {
    const input = followUpSituation('population.script.json');
    const { wire, info, first } = loaded(input);
    expect(first.contact?.id).toBe(info.contacts[0]?.id);
    frameOf(wire.seek(30 * HOUR));
    const pick = info.contacts[5]?.id ?? '';
    const picked = frameOf(wire.selectContact(pick));
    expect(picked.contact?.id).toBe(pick);
    expect(picked.contact?.runs.length).toBeGreaterThan(0);
    expect(picked.contact?.trace.entries).toEqual(replayed(input, 30 * HOUR, pick).trace);
  });
});

// ── 6. reload ─────────────────────────────────────────────────────────────────────────────────

describe('reload', () => {
  it('an edit (exit conditions off) shows its effect at the same instant: the reply no longer stops the run', () => {
    const { wire } = loaded(followUpSituation('contact-replies.script.json'));
    const stopped = frameOf(wire.seek(3 * HOUR));
    expect(stopped.contact?.runs[0]).toMatchObject({ status: 'stopped', reason: 'incoming_message' });

    const edited = followUpSituation('contact-replies.script.json', NO_EXITS);
    const result = wire.reload(edited);
    const frame = frameOf(result);
    expect(frame.time).toBe(3 * HOUR);
    expect(frame.contact?.runs).toEqual([expect.objectContaining({ status: 'active', atStep: 'wait', waitingFor: 'timer', due: 24 * HOUR })]);
    expect(frame.contact?.runs[0]?.reason).toBeUndefined();
    expect(statOf(frame, 'wait')).toMatchObject({ waiting: 1, stopped: {} });
    // The new timeline runs on to the follow-up.
    expect(infoOf(result).end).toBe(24 * HOUR);
    expect(wire.viewer.trace).toEqual(replayed(edited, 3 * HOUR, 'omar').trace);
    expect(wire.viewer.trace.some((entry) => entry.kind === 'run.stopped')).toBe(false);

    frameOf(wire.runToEnd());
    expect(wire.viewer.trace).toContainEqual(expect.objectContaining({ kind: 'message.sent', t: 24 * HOUR, text: expect.stringMatching(FOLLOW_UP_TEXT) }));
  });

  it('keeps the selected contact when it is still in the script', () => {
    const input = twoContacts();
    const { wire } = loaded(input);
    frameOf(wire.seek(2 * HOUR));
    frameOf(wire.selectContact('dana'));
    const edited = { ...input, workflows: [exampleWorkflow('follow-up/follow-up.workflow.json', NO_EXITS)] };
    const frame = frameOf(wire.reload(edited));
    expect(frame.contact?.id).toBe('dana');
    expect(frame.time).toBe(2 * HOUR);
    expect(wire.viewer.trace).toEqual(replayed(edited, 2 * HOUR, 'dana').trace);
  });

  it('a bad reload is refused and the playback goes on as it was', () => {
    const { wire } = loaded(followUpSituation('contact-replies.script.json'));
    const before = frameOf(wire.seek(HOUR));
    const sent = wire.viewer.trace.length;
    const invalid = followUpSituation('contact-replies.script.json', { manualStop: false, exitConditions: { enabled: true, on: [] } });
    expect(problemsOf(wire.reload(invalid))[0]).toMatchObject({ source: 'workflow', index: 0 });
    expect(problemsOf(wire.reload('garbage')).length).toBeGreaterThan(0);
    const after = frameOf(wire.advance(0));
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(after.contact?.trace).toEqual({ from: sent, entries: [] });
  });
});

// ── 7. a population ───────────────────────────────────────────────────────────────────────────

describe('a population of 1,000 contacts', () => {
  const FRAME_BYTES = 50_000;

  it('per-step counts add up to the runs, passes only grow while playing, and every frame stays small', () => {
    const input = followUpSituation('population.script.json');
    const { wire, info, first } = loaded(input);
    expect(JSON.stringify(first).length).toBeLessThan(FRAME_BYTES);
    const passed = new Map<string, number>();
    let frames = 0;
    let frame = first;
    while (!frame.done && frame.time < info.end) {
      frame = frameOf(wire.advance(2 * HOUR));
      frames++;
      expect(frames).toBeLessThan(1000);
      expect(JSON.stringify(frame).length).toBeLessThan(FRAME_BYTES);
      // One Workflow: every run is waiting, completed, stopped or failed at exactly one step.
      expect(frame.stats.reduce((sum, stat) => sum + runsAt(stat), 0)).toBe(frame.runCount);
      for (const stat of frame.stats) {
        expect(stat.passed).toBeGreaterThanOrEqual(passed.get(stat.step) ?? 0);
        passed.set(stat.step, stat.passed);
      }
    }
    expect(frame.time).toBe(info.end);
    // The whole population ran: more runs than contacts (contacts write in again after a stop).
    const whole = new Simulation(input).runToEnd();
    expect(frame.runCount).toBe(whole.runs.length);
    expect(frame.runCount).toBeGreaterThanOrEqual(1000);
    expect(frame.eventsProcessed).toBe(whole.eventsProcessed);
    expect(statOf(frame, 'ack')?.passed).toBe(frame.runCount);
    expect(Object.keys(statOf(frame, 'wait')?.stopped ?? {}).sort()).toEqual(['incoming_message', 'manual_assignment', 'outgoing_message']);
  });

  it('seeking back re-simulates: the counts at an instant are the same before and after going to the end', () => {
    const { wire } = loaded(followUpSituation('population.script.json'));
    const first = frameOf(wire.seek(30 * HOUR));
    frameOf(wire.runToEnd());
    const again = frameOf(wire.seek(30 * HOUR));
    expect(again.stats).toEqual(first.stats);
    expect(again.runCount).toBe(first.runCount);
    expect(again.stats.reduce((sum, stat) => sum + runsAt(stat), 0)).toBe(again.runCount);
  });

});

describe('per-step counts of two Workflows side by side', () => {
  it('counts each Workflow’s runs separately', () => {
    const input = hotLeadSituation('contact-answers-question.script.json');
    const { wire } = loaded(input);
    for (const t of [0, 5 * MINUTE, HOUR, 6 * HOUR, 30 * HOUR]) {
      const frame = frameOf(wire.seek(t));
      const sim = new Simulation(input);
      sim.runUntil(frame.time);
      for (const workflow of input.workflows) {
        const counted = frame.stats.filter((stat) => stat.workflow === workflow.id).reduce((sum, stat) => sum + runsAt(stat), 0);
        expect(counted).toBe(runStates(sim).filter((run) => run.workflow === workflow.id).length);
      }
      expect(frame.stats.reduce((sum, stat) => sum + runsAt(stat), 0)).toBe(frame.runCount);
      // Both Workflows started a run for the contact at +0.
      expect(new Set(frame.stats.map((stat) => stat.workflow))).toEqual(new Set(['lead-nurture', 'vip-routing']));
    }
  });
});

// ── 8. every answer fits the schema ───────────────────────────────────────────────────────────

describe('what the worker sends back', () => {
  it('answers every call, accepted or refused, with a result the schema accepts', () => {
    const wire = overTheWire();
    const input = twoContacts();
    const results: (PlaybackResult | PlaybackLoadResult)[] = [
      wire.seek(0),
      wire.load({ workflows: 'none', script: 42 }),
      wire.load(input),
      wire.advance(HOUR),
      wire.advance(-1),
      wire.step(),
      wire.nextEvent(),
      wire.selectContact('dana'),
      wire.selectContact('nobody'),
      wire.seek(0),
      wire.seek('soon'),
      wire.runToEnd(),
      wire.reload({ ...input, workflows: [exampleWorkflow('follow-up/follow-up.workflow.json', NO_EXITS)] }),
      wire.reload(null),
    ];
    // `overTheWire` parsed each after structured cloning; both kinds of answer were among them.
    expect(results.map((result) => result.ok)).toEqual([false, false, true, true, false, true, true, true, false, true, false, true, true, false]);
    for (const result of results) {
      expect(playbackResultSchema.safeParse(result).success || playbackLoadResultSchema.safeParse(result).success).toBe(true);
      if (!result.ok) for (const problem of result.problems) expect(problem.path).toMatch(/^\$/);
    }
  });

  it('checks the script’s expectations on the whole run, and says at which instant a failing one went wrong', () => {
    const input = followUpSituation('contact-replies.script.json');
    const off = { ...input, workflows: input.workflows.map((workflow) => ({ ...workflow, settings: { ...workflow.settings, exitConditions: { enabled: false, on: [] } } })) };
    const { info } = loaded(off);
    const neverSent = info.expectations.find((result) => 'neverSent' in result.expectation);
    expect(neverSent).toMatchObject({ passed: false, at: 24 * HOUR });
    expect(info.expectations.every((result) => !result.passed)).toBe(true);
  });
});

// ── 9. the end-of-run report ──────────────────────────────────────────────────────────────────

function reportOf(outcome: SimulationReportOutcome): SimulationReport {
  if (!outcome.ok) throw new Error(`no report: ${outcome.problems.map((problem) => problem.message).join('; ')}`);
  return outcome.report;
}

describe('report', () => {
  it('is of the inputs loaded now: after a reload with exit conditions off, the reply no longer stops the run and the follow-up is sent', () => {
    const { wire } = loaded(followUpSituation('contact-replies.script.json'));
    const before = reportOf(wire.report());
    expect(before.runs).toEqual([
      expect.objectContaining({
        state: expect.objectContaining({ contact: 'omar', status: 'stopped', reason: 'incoming_message', atStep: 'wait', endedAt: 3 * HOUR }),
        stepLabel: 'Wait 24h',
        reasonText: 'incoming message',
      }),
    ]);
    expect(before.expectations.every((result) => result.passed)).toBe(true);
    expect(before.trace.some((row) => row.entry.kind === 'message.sent' && row.entry.text?.includes(FOLLOW_UP_TEXT))).toBe(false);

    const edited = followUpSituation('contact-replies.script.json', NO_EXITS);
    frameOf(wire.reload(edited));
    const after = reportOf(wire.report());
    expect(after.runs).toEqual([
      expect.objectContaining({ state: expect.objectContaining({ contact: 'omar', status: 'completed', atStep: 'done', endedAt: 24 * HOUR }), stepLabel: 'End' }),
    ]);
    expect(after.runs[0]?.reasonText).toBeUndefined();
    expect(after.expectations.map((result) => result.passed)).toEqual([false, false]);
    expect(after.trace.map((row) => row.entry)).toContainEqual(expect.objectContaining({ kind: 'message.sent', t: 24 * HOUR, text: expect.stringMatching(FOLLOW_UP_TEXT) }));
    expect(after.trace.some((row) => row.entry.kind === 'run.stopped')).toBe(false);
    expect(after.traceHash).not.toBe(before.traceHash);
    // Exactly what the engine reports of the edited Workflows run to the end.
    expect(after).toEqual(simulationReport(new Simulation(edited).runToEnd(), edited.script));
  });

  it('leaves the playback where it was: same instant, same state, nothing new to splice', () => {
    const input = followUpSituation('contact-replies.script.json');
    const { wire } = loaded(input);
    const before = frameOf(wire.seek(HOUR));
    const sent = wire.viewer.trace.length;
    expect(reportOf(wire.report()).runs[0]?.state.status).toBe('stopped');
    const after = frameOf(wire.advance(0));
    expect(after.time).toBe(HOUR);
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(after.contact?.trace).toEqual({ from: sent, entries: [] });
    // Playing on from there goes where it would have gone without the report.
    const next = frameOf(wire.nextEvent());
    expect(next.time).toBe(3 * HOUR);
    expect(wire.viewer.trace).toEqual(replayed(input, 3 * HOUR, 'omar').trace);

    // After a reload too: the report of the edited Workflows leaves the re-simulated instant alone.
    const reloaded = frameOf(wire.reload(followUpSituation('contact-replies.script.json', NO_EXITS)));
    expect(reloaded.time).toBe(3 * HOUR);
    reportOf(wire.report());
    expect(stateOf(frameOf(wire.advance(0)))).toEqual(stateOf(reloaded));
  });

  it('is made once per load: asked again, the same answer; a refused reload keeps it; a reload makes a new one', () => {
    const service = new PlaybackService();
    expect(service.report()).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'Nothing is loaded' })] });
    service.load(followUpSituation('contact-replies.script.json'));
    const first = service.report();
    expect(service.report()).toBe(first);
    expect(service.reload('garbage').ok).toBe(false);
    expect(service.report()).toBe(first);
    service.reload(followUpSituation('contact-replies.script.json', NO_EXITS));
    const second = service.report();
    expect(second).not.toBe(first);
    expect(reportOf(second).traceHash).not.toBe(reportOf(first).traceHash);
  });

  it('carries the first page of a population’s runs and trace; the rest come in pages that join up to what the engine recorded, for the report loaded now', () => {
    const input = followUpSituation('population.script.json');
    const { wire } = loaded(input);
    const report = reportOf(wire.report());
    const whole = simulationReport(new Simulation(input).runToEnd(), input.script, Number.MAX_SAFE_INTEGER);
    expect([report.runCount, report.traceCount]).toEqual([whole.runs.length, whole.trace.length]);
    expect(report.runCount).toBeGreaterThan(1000);
    expect([report.runs.length, report.trace.length]).toEqual([REPORT_PAGE, REPORT_PAGE]);

    const runs = [...report.runs];
    while (runs.length < report.runCount) {
      const page = wire.reportRows({ kind: 'runs', from: runs.length, count: 300 });
      if (!page.ok || page.kind !== 'runs') throw new Error('no page of runs');
      expect([page.from, page.traceHash]).toEqual([runs.length, report.traceHash]);
      runs.push(...page.rows);
    }
    expect(runs).toEqual(whole.runs);
    const last = wire.reportRows({ kind: 'trace', from: report.traceCount - 5, count: 5_000 });
    expect(last.ok && last.rows).toEqual(whole.trace.slice(-5));
    expect(wire.reportRows({ kind: 'trace', from: report.traceCount, count: 10 })).toMatchObject({ ok: true, rows: [] });

    // Pages name the report they belong to: after a reload, the new one's.
    frameOf(wire.reload(followUpSituation('population.script.json', NO_EXITS)));
    const page = wire.reportRows({ kind: 'runs', from: 0, count: 1 });
    expect(page.ok && page.traceHash).toBe(reportOf(wire.report()).traceHash);
    expect(page.ok && page.traceHash).not.toBe(report.traceHash);
  });

  it('refuses a page request that is not one, and any before a load', () => {
    const service = new PlaybackService();
    expect(service.reportRows({ kind: 'runs', from: 0, count: 1 })).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'Nothing is loaded' })] });
    service.load(followUpSituation('contact-replies.script.json'));
    for (const request of [null, { kind: 'steps', from: 0, count: 1 }, { kind: 'runs', from: -1, count: 1 }, { kind: 'trace', from: 0, count: MAX_REPORT_ROWS + 1 }]) {
      const answer = service.reportRows(request);
      expect(answer.ok, JSON.stringify(request)).toBe(false);
      expect(answer.ok ? '' : answer.problems[0]?.message).toMatch(/^Not a page of the report/);
    }
  });
});

describe('a simulation that stops at its work cap (issue 13, item 4)', () => {
  it('says so in what load answers, with the instant the timeline ends at; frames carry a window of one contact\'s trace', () => {
    const service = new PlaybackService();
    const script = {
      format: 'exitflow.script/1',
      name: 'Loop for a year',
      start: '2026-01-05T09:00:00Z',
      contacts: [{ id: 'dana' }],
      events: [{ at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' }],
    };
    const loaded = service.load({ workflows: [everySecondWorkflow()], script });
    if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('; '));
    expect(loaded.info.stoppedShort).toMatchObject({ entries: 25_000_000 });
    expect(loaded.info.stoppedShort?.message).toMatch(/^The simulation stopped after 25,000,000 trace entries at \+\d+d[\dhms]*, the most one simulation records/);
    expect(loaded.info.end).toBe(loaded.info.stoppedShort?.at);

    // A day of it is half a million entries of one contact: a frame carries the latest 5,000.
    const day = service.seek(86_400_000);
    if (!day.ok) throw new Error('seek');
    const trace = day.frame.contact?.trace;
    expect(trace?.from).toBe(0);
    expect(trace?.entries).toHaveLength(CONTACT_TRACE_WINDOW);
    expect(trace?.omitted).toBeGreaterThan(500_000);
    expect(trace?.entries.at(-1)?.t).toBe(86_400_000);
    // Playing on appends to what the page holds.
    const on = service.advance(10_000);
    if (!on.ok) throw new Error('advance');
    expect(on.frame.contact?.trace.from).toBe(CONTACT_TRACE_WINDOW);
    expect(on.frame.contact?.trace.entries.length).toBeGreaterThan(0);
    expect(on.frame.contact?.trace.entries.length).toBeLessThan(100);
    expect(on.frame.contact?.trace.omitted).toBe(trace?.omitted);
    // Back to the start: the page starts over, nothing left out.
    const back = service.seek(0);
    if (!back.ok) throw new Error('seek');
    expect(back.frame.contact?.trace.from).toBe(0);
    expect(back.frame.contact?.trace.omitted).toBeUndefined();
  });
});

describe('PlaybackService.populationCharts: pauses and resumes', () => {
  it('answers the pauses over time and the runs paused per step beside the stops, as the schema says, over the wire', async () => {
    const { populationChartsResultSchema } = await import('../../../simulator/schema/playback.ts');
    const followUp = exampleWorkflow('follow-up/follow-up.workflow.json');
    const pausing: Workflow = {
      ...followUp,
      // Every condition pauses and only a close resumes, which this script never does: nothing stops or resumes a paused run.
      settings: {
        ...followUp.settings,
        exitConditions: { ...followUp.settings.exitConditions, actions: { outgoing_message: 'pause', incoming_message: 'pause', manual_assignment: 'pause' } },
        pause: { resume: { on: 'conversation_closed' } },
      },
    };
    const service = new PlaybackService();
    expect(service.load(structuredClone({ workflows: [pausing], script: exampleScript('follow-up/population.script.json') })).ok).toBe(true);
    service.runToEnd();
    const charts = populationChartsResultSchema.parse(structuredClone(service.populationCharts(pausing.id)));
    if (!charts.ok) throw new Error(JSON.stringify(charts.problems));
    expect(charts.pauses.total.paused).toBeGreaterThan(0);
    expect(charts.pauses.total.resumed).toBe(0);
    expect(charts.pauses.pausedNow).toBe(charts.pauses.total.paused);
    expect(charts.pausedAtSteps.steps.reduce((sum, step) => sum + step.paused, 0)).toBe(charts.pauses.pausedNow);
  });
});
