// Breakpoints, countdowns and Fire now in the simulator workspace's playback (the worker's
// `PlaybackService`, called as comlink calls it: arguments and answers structured-cloned, answers
// checked against the schemas). A breakpoint pauses playback at the first trace entry that meets
// it, whatever moves the clock — small or huge ticks of play, one step, the next event, run to the
// end, a seek — right after the queued event that wrote it, and playing on never meets that entry
// again. The expected pauses are worked out here from a fresh simulation's whole trace, not from
// the service.
import { describe, expect, it } from 'vitest';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import { traceEntries } from '../../../simulator/engine/materialize.ts';
import { setBreakpointsResultSchema, type BreakpointHit, type SetBreakpointsResult } from '../../../simulator/schema/breakpoints.ts';
import { LIMITS } from '../../../simulator/schema/limits.ts';
import { playbackLoadResultSchema, playbackResultSchema, type PlaybackFrame, type PlaybackResult } from '../../../simulator/schema/playback.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../../simulator/service/playbackService.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { exitOn, FOLLOW_UP, followUpWorkflow, nurtureWorkflow, questionWorkflow } from '../../harness/workflowFixtures.ts';

type Situation = { workflows: Workflow[]; script: Script };

/** The service over the wire: every answer cloned and parsed by its schema. */
function wire(input: Situation) {
  const service = new PlaybackService();
  const answered = (result: PlaybackResult): PlaybackResult => {
    const copy = structuredClone(result);
    expect(playbackResultSchema.parse(copy)).toEqual(result);
    return copy;
  };
  const loaded = structuredClone(service.load(structuredClone(input)));
  expect(playbackLoadResultSchema.parse(loaded)).toEqual(loaded);
  if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join('; '));
  return {
    end: loaded.info.end,
    first: loaded.frame,
    setBreakpoints: (raw: unknown): SetBreakpointsResult => {
      const copy = structuredClone(service.setBreakpoints(structuredClone(raw)));
      expect(setBreakpointsResultSchema.parse(copy)).toEqual(copy);
      return copy;
    },
    advance: (ms: number) => answered(service.advance(ms)),
    seek: (to: number, options?: unknown) => answered(service.seek(to, structuredClone(options))),
    step: () => answered(service.step()),
    nextEvent: () => answered(service.nextEvent()),
    runToEnd: () => answered(service.runToEnd()),
    selectContact: (id: string) => answered(service.selectContact(id)),
  };
}
type Wire = ReturnType<typeof wire>;

function frameOf(result: PlaybackResult): PlaybackFrame {
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.path} ${problem.message}`).join('; '));
  return result.frame;
}

/**
 * Dana and Omar both write at +0 (two queued events at one instant), so each run enters the Wait
 * at +0 in its own event; both follow-ups are sent at +24h, Dana's first.
 */
function twoContacts(): Situation {
  const h = harness(followUpWorkflow()).contact('dana').contact('omar').at('+0').as('dana').contactSays('Hi').as('omar').contactSays('Hello');
  return { workflows: h.workflows(), script: h.script() };
}

/** What a breakpoint on these steps must pause at: worked out from a fresh simulation's whole trace. */
function expectedStepHits(input: Situation, steps: readonly string[]): TraceEntry[] {
  const prepared = prepareSimulation(input);
  if (!prepared.ok) throw new Error('does not prepare');
  const sim = prepared.simulation.runToEnd();
  return [...traceEntries(sim)].filter((entry) => entry.kind === 'step' && steps.includes(entry.step ?? ''));
}

/** How many queued events and timers a fresh simulation has played once trace entry `seq` is written: the state a pause there shows. */
function eventsPlayedThrough(input: Situation, seq: number): number {
  const prepared = prepareSimulation(input);
  if (!prepared.ok) throw new Error('does not prepare');
  const sim = prepared.simulation;
  while (sim.trace.length <= seq && sim.step());
  return sim.eventsProcessed;
}

/** Plays on with `move` until the end, each pause in order (at most `limit` calls: a pause that repeats would loop). */
function pausesOf(w: Wire, move: () => PlaybackResult, limit = 10_000): { hit: BreakpointHit; frame: PlaybackFrame }[] {
  const pauses: { hit: BreakpointHit; frame: PlaybackFrame }[] = [];
  for (let calls = 0; calls < limit; calls++) {
    const frame = frameOf(move());
    if (frame.hit) pauses.push({ hit: frame.hit, frame });
    if (frame.done && !frame.hit) return pauses;
  }
  throw new Error('playback never reached the end');
}

const WAYS: Record<string, (w: Wire) => () => PlaybackResult> = {
  'play in one-minute ticks': (w) => () => w.advance(60_000),
  'play at "as fast as possible" (a tick of ten years)': (w) => () => w.advance(LIMITS.horizonMs),
  step: (w) => () => w.step(),
  'next event': (w) => () => w.nextEvent(),
  'run to end': (w) => () => w.runToEnd(),
  'seek to the end': (w) => () => w.seek(w.end),
};

describe('a step breakpoint pauses exactly at the entry, however the clock moves', () => {
  const input = twoContacts();
  const expected = expectedStepHits(input, ['wait-24h', 'follow-up']);

  it('the situation has what the test needs: two entries at +0 in two events, two at +24h', () => {
    expect(expected.map((entry) => [entry.contact, entry.step, entry.t])).toEqual([
      ['dana', 'wait-24h', 0],
      ['omar', 'wait-24h', 0],
      ['dana', 'follow-up', ms('+24h')],
      ['omar', 'follow-up', ms('+24h')],
    ]);
  });

  for (const [way, moveOf] of Object.entries(WAYS)) {
    it(`${way}: pauses at each entry in turn, never one later, and never twice at one`, () => {
      const w = wire(input);
      expect(w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait-24h' }, { workflow: 'follow-up', step: 'follow-up' }] })).toMatchObject({ ok: true, ignored: [] });
      const pauses = pausesOf(w, moveOf(w));
      expect(pauses.map(({ hit }) => hit.seq)).toEqual(expected.map((entry) => entry.seq));
      for (const [i, { hit, frame }] of pauses.entries()) {
        const entry = expected[i] as TraceEntry;
        expect(hit).toEqual({ seq: entry.seq, t: entry.t, kind: 'step', by: 'step', workflow: 'follow-up', step: entry.step, contact: entry.contact, run: entry.run });
        // The clock at the entry's instant, the state right after the event that wrote it: not one event later.
        expect(frame.time).toBe(entry.t);
        expect(frame.eventsProcessed).toBe(eventsPlayedThrough(input, entry.seq));
      }
      // Dana's pause at +0 comes before Omar's message is played: his run has not started.
      expect(pauses[0]?.frame.runCount).toBe(1);
      expect(pauses[1]?.frame.runCount).toBe(2);
    });
  }

  it('a pause shows the selected contact right after the entry: Dana waits, her follow-up not yet sent', () => {
    const w = wire(input);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'follow-up' }] });
    const frame = frameOf(w.runToEnd());
    expect(frame.hit).toMatchObject({ contact: 'dana', step: 'follow-up', t: ms('+24h') });
    // The Send's own entries are written by the same timer, so they are there; Omar's timer is still queued.
    expect(frame.nextEventTime).toBe(ms('+24h'));
    expect(frame.done).toBe(false);
    expect(frame.stats.find((stat) => stat.step === 'wait-24h')?.waiting).toBe(1);
  });

  it('a pause is on the frame of the call that paused only: the next frame has none', () => {
    const w = wire(input);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'follow-up' }] });
    expect(frameOf(w.advance(ms('+1h'))).hit).toBeUndefined();
    expect(frameOf(w.runToEnd()).hit?.contact).toBe('dana');
    expect(frameOf(w.runToEnd()).hit?.contact).toBe('omar');
    const last = frameOf(w.runToEnd());
    expect(last.hit).toBeUndefined();
    expect(last.done).toBe(true);
  });

  it('a seek back re-simulates without pausing, and playing forward again pauses at the entry again', () => {
    const w = wire(input);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'follow-up' }] });
    expect(frameOf(w.runToEnd()).hit?.contact).toBe('dana');
    const back = frameOf(w.seek(ms('+1h')));
    expect(back.hit).toBeUndefined();
    expect(back.time).toBe(ms('+1h'));
    expect(frameOf(w.runToEnd()).hit).toMatchObject({ contact: 'dana', seq: expected[2]?.seq });
  });

  it("a seek with breakpoints: 'pass' goes to the instant past every breakpoint (a link's instant, a reload)", () => {
    const w = wire(input);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait-24h' }] });
    const frame = frameOf(w.seek(ms('+2h'), { breakpoints: 'pass' }));
    expect(frame.hit).toBeUndefined();
    expect(frame.time).toBe(ms('+2h'));
    expect(frame.runCount).toBe(2);
    // What it passed stays behind: playing on does not pause there.
    expect(pausesOf(w, () => w.runToEnd())).toEqual([]);
  });

  it('breakpoints set after entries were played pause at what comes next, not at what is behind', () => {
    const w = wire(input);
    frameOf(w.seek(ms('+1h')));
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait-24h' }, { workflow: 'follow-up', step: 'end' }] });
    expect(pausesOf(w, () => w.runToEnd()).map(({ hit }) => [hit.contact, hit.step])).toEqual([
      ['dana', 'end'],
      ['omar', 'end'],
    ]);
  });

  it('with no breakpoint, or after clearing them, play runs to the end in one call', () => {
    const w = wire(input);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait-24h' }] });
    w.setBreakpoints({});
    const frame = frameOf(w.runToEnd());
    expect(frame.hit).toBeUndefined();
    expect(frame.done).toBe(true);
  });
});

describe('the trigger and the When stopped entry as breakpoints', () => {
  it('the trigger pauses when a run starts there; a test run started at a step does not enter it', () => {
    const h = harness(followUpWorkflow())
      .contact('dana')
      .at('+0')
      .event({ type: 'workflow.start', workflow: 'follow-up', atStep: 'wait-24h' })
      .at('+30h')
      .contactSays('Hi again');
    const w = wire({ workflows: h.workflows(), script: h.script() });
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'trigger' }] });
    const pauses = pausesOf(w, () => w.runToEnd());
    expect(pauses.map(({ hit }) => [hit.kind, hit.step, hit.t])).toEqual([['run.started', 'trigger', ms('+30h')]]);
  });

  it('the When stopped entry pauses when the path begins, with the stop behind it', () => {
    const h = harness(nurtureWorkflow(exitOn(['incoming_message'], true))).contact('dana').at('+0').contactSays('Hi').at('+3h').contactSays('Stop please');
    const w = wire({ workflows: h.workflows(), script: h.script() });
    w.setBreakpoints({ steps: [{ workflow: 'nurture', step: 'when-stopped' }, { workflow: 'nurture', step: 'bye' }] });
    const pauses = pausesOf(w, () => w.runToEnd());
    expect(pauses.map(({ hit }) => [hit.kind, hit.step, hit.t])).toEqual([
      ['when_stopped.started', 'when-stopped', ms('+3h')],
      // One event wrote both entries: the second pause comes without the clock moving.
      ['step', 'bye', ms('+3h')],
    ]);
    expect(pauses[1]?.frame.eventsProcessed).toBe(pauses[0]?.frame.eventsProcessed);
  });
});

describe('stop breakpoints: any stop, or a stop for a chosen reason', () => {
  // Omar's run is stopped by hand at +1h, Dana's by her message at +3h.
  const h = harness(nurtureWorkflow(exitOn(['incoming_message'], true)))
    .user('alice')
    .contact('dana')
    .contact('omar')
    .at('+0')
    .as('dana')
    .contactSays('Hi')
    .as('omar')
    .contactSays('Hello')
    .at('+1h')
    .stop('alice', 'nurture')
    .at('+3h')
    .as('dana')
    .contactSays('Not interested');
  const input = { workflows: h.workflows(), script: h.script() };

  it('any stop pauses at each run.stopped', () => {
    const w = wire(input);
    w.setBreakpoints({ anyStop: true });
    const pauses = pausesOf(w, () => w.advance(LIMITS.horizonMs));
    expect(pauses.map(({ hit }) => [hit.kind, hit.by, hit.contact, hit.reason, hit.step, hit.t])).toEqual([
      ['run.stopped', 'any_stop', 'omar', 'manual', 'wait-24h', ms('+1h')],
      ['run.stopped', 'any_stop', 'dana', 'incoming_message', 'wait-24h', ms('+3h')],
    ]);
  });

  it('a stop reason pauses only at stops for it', () => {
    const w = wire(input);
    w.setBreakpoints({ stopReasons: ['incoming_message'] });
    const pauses = pausesOf(w, () => w.nextEvent());
    expect(pauses.map(({ hit }) => [hit.by, hit.contact, hit.reason, hit.t])).toEqual([['stop_reason', 'dana', 'incoming_message', ms('+3h')]]);
    const none = wire(input);
    none.setBreakpoints({ stopReasons: ['outgoing_message', 'workflow_updated'] });
    expect(pausesOf(none, () => none.runToEnd())).toEqual([]);
  });
});

describe('countdown and Fire now', () => {
  it("a waiting run reports its timer's due; a seek there fires it and sends the follow-up at that instant", () => {
    const h = harness(followUpWorkflow()).contact('dana').at('+0').contactSays('Hi');
    const w = wire({ workflows: h.workflows(), script: h.script() });
    const waiting = frameOf(w.advance(ms('+2h'))).contact?.runs[0];
    expect(waiting).toMatchObject({ status: 'active', atStep: 'wait-24h', waitingFor: 'timer', due: ms('+24h') });
    const fired = frameOf(w.seek(waiting?.due as number));
    expect(fired.time).toBe(ms('+24h'));
    const entries = fired.contact?.trace.entries ?? [];
    expect(entries.find((entry) => entry.kind === 'timer.fired')).toMatchObject({ t: ms('+24h'), due: ms('+24h') });
    expect(entries.find((entry) => entry.kind === 'message.sent' && entry.text === FOLLOW_UP.followUp)).toMatchObject({ t: ms('+24h') });
    expect(fired.contact?.runs[0]).toMatchObject({ status: 'completed', endedAt: ms('+24h') });
  });

  it("an open question reports its timeout's due; Fire now takes the timeout path", () => {
    const h = harness(questionWorkflow()).contact('dana').at('+0').contactSays('Hi');
    const w = wire({ workflows: h.workflows(), script: h.script() });
    const asking = frameOf(w.advance(ms('+10m'))).contact?.runs[0];
    expect(asking).toMatchObject({ atStep: 'ask', waitingFor: 'reply', due: ms('+1h') });
    const fired = frameOf(w.seek(asking?.due as number));
    const entries = fired.contact?.trace.entries ?? [];
    expect(entries.filter((entry) => entry.t === ms('+1h')).map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['timer.fired', 'question.timeout', 'message.sent']),
    );
    expect(fired.contact?.runs[0]).toMatchObject({ atStep: 'wait-24h', waitingFor: 'timer', due: ms('+25h') });
  });

  it('a reply scripted in the very second the timer is due still comes first (Fire now plays the whole instant)', () => {
    const h = harness(followUpWorkflow(exitOn(['incoming_message']))).contact('dana').at('+0').contactSays('Hi').at('+24h').contactSays('Still here');
    const w = wire({ workflows: h.workflows(), script: h.script() });
    const due = frameOf(w.advance(ms('+1h'))).contact?.runs[0]?.due as number;
    const fired = frameOf(w.seek(due));
    expect(fired.contact?.runs[0]).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect((fired.contact?.trace.entries ?? []).some((entry) => entry.kind === 'message.sent' && entry.text === FOLLOW_UP.followUp)).toBe(false);
  });
});

describe('hostile breakpoints are refused with a JSON path, or ignored with a reason — never a hang', () => {
  const input = twoContacts();

  it('a million step breakpoints are refused at once', () => {
    // The service itself, not the wire: cloning a million objects is the page's cost, and a worker's.
    const service = new PlaybackService();
    service.load(input);
    const many = { steps: Array.from({ length: 1_000_000 }, () => ({ workflow: 'follow-up', step: 'wait-24h' })) };
    const started = performance.now();
    const result = service.setBreakpoints(many);
    // Refused before looking at each: a guard against a hang, generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$.steps', message: expect.stringContaining(`At most ${LIMITS.breakpoints}`) });
  });

  it.each([
    [{ anyStop: Number.NaN }, '$.anyStop'],
    [{ stopReasons: ['bored'] }, '$.stopReasons[0]'],
    [{ stopReasons: ['manual', 'manual'] }, '$.stopReasons'],
    [{ steps: [{ workflow: 'follow-up' }] }, '$.steps[0].step'],
    [{ steps: [{ workflow: 'follow-up', step: 'a b' }] }, '$.steps[0].step'],
    [{ steps: [], pauseOnEverything: true }, '$'],
    ['everything', '$'],
  ])('%j is refused at %s', (raw, path) => {
    const w = wire(input);
    const result = w.setBreakpoints(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
    // The breakpoints set before stay: a refusal changes nothing.
    expect(frameOf(w.runToEnd()).done).toBe(true);
  });

  it('a step or Workflow not loaded is kept but ignored, each with why, and pauses nothing', () => {
    const w = wire(input);
    const result = w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'nowhere' }, { workflow: 'gone', step: 'wait-24h' }, { workflow: 'follow-up', step: 'greet' }] });
    expect(result).toEqual({
      ok: true,
      breakpoints: expect.objectContaining({ anyStop: false, stopReasons: [] }),
      ignored: [
        { path: '$.steps[0].step', message: '"Follow-up" has no step "nowhere": this breakpoint pauses nothing' },
        { path: '$.steps[1]', message: 'No Workflow "gone" is loaded: this breakpoint pauses nothing' },
      ],
    });
    expect(pausesOf(w, () => w.runToEnd()).map(({ hit }) => hit.step)).toEqual(['greet', 'greet']);
  });

  it('a seek with options that are not a seek\'s is refused', () => {
    const w = wire(input);
    const result = w.seek(1000, { breakpoints: 'sometimes' });
    expect(result.ok).toBe(false);
  });

  it('breakpoints on a population pause at the first contact that meets one, and play to the end when none does', () => {
    const h = harness(followUpWorkflow()).contact('lead').at('+0').contactSays('Hi').population({ contacts: 2000, jitter: '6h', seed: 7 });
    const population = { workflows: h.workflows(), script: h.script() };
    const w = wire(population);
    w.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'follow-up' }] });
    const frame = frameOf(w.runToEnd());
    expect(frame.hit).toMatchObject({ step: 'follow-up', contact: expect.stringMatching(/^lead#\d+$/) });
    // Exactly one run has entered the follow-up at the pause.
    expect(frame.stats.find((stat) => stat.step === 'follow-up')?.passed).toBe(1);
    const none = wire(population);
    none.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'trigger-that-is-not-there' }], stopReasons: ['manual'] });
    const end = frameOf(none.runToEnd());
    expect(end.hit).toBeUndefined();
    expect(end.done).toBe(true);
    expect(end.runCount).toBe(2000);
  });
});
