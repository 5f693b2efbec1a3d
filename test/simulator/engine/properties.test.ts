import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExitCondition } from '../../../simulator/schema/settings.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { harness, type EventBody, type HarnessRun } from '../../harness/simulationHarness.ts';
import {
  ALL_EXITS,
  followUpWorkflow,
  loopWorkflow,
  nurtureWorkflow,
  questionWorkflow,
  routingWorkflow,
  type SettingsInput,
} from '../../harness/workflowFixtures.ts';

/** Keep the suite fast: each case simulates a few days for two contacts. */
const NUM_RUNS = 200;
/** A generous bound for a busy machine; a case takes milliseconds. */
const PROPERTY_TIMEOUT_MS = 60_000;
const CONTACTS = ['dana', 'omar'] as const;

// ── inputs ─────────────────────────────────────────────────────────────────────────────────────

const STOP_REASONS = ['manual', ...ALL_EXITS] as const;

/** A re-entry rule, or none: a wait in whole hours, so lifts often meet other events' instants. */
const afterStopArb = fc.option(
  fc.record({
    reentry: fc.constantFrom('allow', 'never', 'after', 'after'),
    wait: fc.constantFrom('1h', '3h', '1d'),
    reasons: fc.option(fc.subarray([...STOP_REASONS], { minLength: 1 }), { freq: 2 }),
  }),
  { freq: 2 },
);

/** Which chosen conditions pause rather than stop (none half the time), and how a paused run resumes. */
const pauseArb = fc.option(
  fc.record({
    pausing: fc.subarray([...ALL_EXITS], { minLength: 1 }),
    resume: fc.constantFrom({ on: 'silence' as const, after: '1h' }, { on: 'silence' as const, after: '2h' }, { on: 'conversation_closed' as const }),
  }),
  { freq: 2 },
);

const settingsArb: fc.Arbitrary<SettingsInput> = fc
  // Biased towards settings that stop runs, so most cases exercise a stop.
  .record({ manualStop: fc.boolean(), enabled: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)), on: fc.subarray([...ALL_EXITS]), afterStop: afterStopArb, pause: pauseArb })
  .map(({ manualStop, enabled, on, afterStop, pause }) => ({
    manualStop,
    // Exit conditions on with none selected cannot be simulated; such a Workflow is off.
    exitConditions: {
      enabled: enabled && on.length > 0,
      on,
      ...(pause === null ? {} : { actions: Object.fromEntries(on.map((condition) => [condition, pause.pausing.includes(condition) ? 'pause' : 'stop'])) }),
    },
    ...(pause === null ? {} : { pause: { resume: pause.resume } }),
    ...(afterStop === null
      ? {}
      : { afterStop: { reentry: afterStop.reentry, ...(afterStop.reentry === 'after' ? { wait: afterStop.wait } : {}), ...(afterStop.reasons === null ? {} : { reasons: afterStop.reasons }) } }),
  }));

type Fixture = 'follow-up' | 'follow-up-once' | 'question' | 'routing' | 'loop' | 'nurture';
const FIXTURES: Record<Fixture, (settings: SettingsInput) => Workflow> = {
  'follow-up': (settings) => followUpWorkflow(settings),
  'follow-up-once': (settings) =>
    followUpWorkflow(settings, { id: 'follow-up-once', name: 'Follow-up once', trigger: { id: 'trigger', type: 'incoming_message', oncePerContact: true } }),
  question: (settings) => questionWorkflow(settings),
  routing: (settings) => routingWorkflow(settings),
  loop: (settings) => loopWorkflow(settings),
  // The When stopped path: it tags, sends, assigns after each stop.
  nurture: (settings) => nurtureWorkflow(settings),
};

const workflowsArb: fc.Arbitrary<Workflow[]> = fc
  .uniqueArray(fc.constantFrom(...(Object.keys(FIXTURES) as Fixture[])), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => settingsArb.map((settings) => FIXTURES[name](settings)))));

interface GenEvent {
  readonly hour: number;
  readonly contact: (typeof CONTACTS)[number];
  readonly body: EventBody;
}

function eventArb(workflowIds: readonly string[]): fc.Arbitrary<GenEvent> {
  const body: fc.Arbitrary<EventBody> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Hi', 'pricing', 'Still there?').map((text): EventBody => ({ type: 'contact.message', text })) },
    { weight: 2, arbitrary: fc.constant<EventBody>({ type: 'agent.message', user: 'alice', text: 'Alice here' }) },
    { weight: 1, arbitrary: fc.constant<EventBody>({ type: 'broadcast.message', text: 'Sale!' }) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'assign', user: 'alice', to: 'bob' }, { type: 'assign', to: 'bob' }) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'unassign', user: 'alice' }, { type: 'unassign' }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ user: fc.constantFrom('alice', 'rita'), workflow: fc.constantFrom(...workflowIds) })
        .map(({ user, workflow }): EventBody => ({ type: 'workflow.stop', user, workflow })),
    },
    { weight: 1, arbitrary: fc.constant<EventBody>({ type: 'tag.add', tag: 'done' }) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'conversation.close' }, { type: 'conversation.open' }) },
  );
  // Whole hours over three days, so events often share an instant with each other and with the
  // 1h, 2h and 24h timers (rule 4 of a stop); most fall early, while the runs they meet are active.
  const hour = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 26 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 72 }) },
  );
  return fc.record({ hour, contact: fc.constantFrom(...CONTACTS), body });
}

interface Case {
  readonly workflows: Workflow[];
  readonly events: GenEvent[];
}

const caseArb: fc.Arbitrary<Case> = workflowsArb.chain((workflows) =>
  fc
    .array(eventArb(workflows.map((w) => w.id)), { minLength: 1, maxLength: 25 })
    // Both contacts write in first (at a random early hour), so most cases have runs to stop.
    .chain((events) =>
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([dana, omar]) => ({
        workflows,
        events: [
          { hour: dana, contact: 'dana' as const, body: { type: 'contact.message', text: 'Hi' } as EventBody },
          { hour: omar, contact: 'omar' as const, body: { type: 'contact.message', text: 'Hi' } as EventBody },
          ...events,
        ],
      })),
    ),
);

function simulate({ workflows, events }: Case): HarnessRun {
  let h = harness(...workflows)
    .user('alice')
    .user('bob')
    .user('rita', { restricted: true })
    .contact('dana')
    .contact('omar')
    .until('+4d');
  for (const event of events) h = h.as(event.contact).at(`+${event.hour}h`).event(event.body);
  return h.run();
}

// ── helpers over a trace ──────────────────────────────────────────────────────────────────────

const ENDINGS = new Set<TraceEntry['kind']>(['run.stopped', 'run.completed', 'run.failed']);

function byRun(trace: readonly TraceEntry[]): Map<number, TraceEntry[]> {
  const runs = new Map<number, TraceEntry[]>();
  for (const entry of trace) if (entry.run !== undefined) runs.set(entry.run, [...(runs.get(entry.run) ?? []), entry]);
  return runs;
}

// ── properties ────────────────────────────────────────────────────────────────────────────────

describe('Properties of the engine over generated scripts', () => {
  it('(1) is deterministic: the same input gives the same trace, byte for byte, and the same hash', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const first = simulate(input);
        const second = simulate(input);
        expect(second.json()).toBe(first.json());
        expect(second.hash()).toBe(first.hash());
        expect(second.runs()).toEqual(first.runs());
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(2) a run sends no message, and executes no step, after its run.stopped entry (but on its When stopped path)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        for (const [, entries] of byRun(result.trace)) {
          const stop = entries.findIndex((e) => e.kind === 'run.stopped');
          if (stop < 0) continue;
          const pathStart = entries.findIndex((e) => e.kind === 'when_stopped.started');
          const pathEnd = entries.findIndex((e) => e.kind === 'when_stopped.ended');
          const after = entries.slice(stop + 1).filter((e) => pathStart < 0 || e.seq < (entries[pathStart] as TraceEntry).seq || e.seq > (entries[pathEnd] as TraceEntry).seq);
          expect(after.filter((e) => e.kind === 'message.sent' || e.kind === 'step')).toEqual([]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(3) a run stops at most once, ends at most once, and a stopped run has exactly one reason', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        const entries = byRun(result.trace);
        for (const state of result.runs()) {
          const own = entries.get(state.run) ?? [];
          const stops = own.filter((e) => e.kind === 'run.stopped');
          const endings = own.filter((e) => ENDINGS.has(e.kind));
          expect(stops.length).toBeLessThanOrEqual(1);
          expect(endings).toHaveLength(state.status === 'active' || state.status === 'paused' ? 0 : 1);
          if (state.status === 'stopped') {
            expect(stops).toHaveLength(1);
            expect(state.reason).toBeDefined();
            expect(stops[0]?.reason).toBe(state.reason);
            expect(stops[0]?.t).toBe(state.endedAt);
          } else {
            expect(stops).toHaveLength(0);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(4) a stop cancels the pending timer of the run, and no timer of that run fires afterwards', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        for (const [, entries] of byRun(result.trace)) {
          const stopAt = entries.findIndex((e) => e.kind === 'run.stopped');
          if (stopAt < 0) continue;
          const stop = entries[stopAt] as TraceEntry;
          // The timer set and neither fired nor cancelled before the stop, if any.
          let pending: TraceEntry | undefined;
          for (const entry of entries.slice(0, stopAt)) {
            if (entry.kind === 'timer.set') pending = entry;
            // A paused run's timer is frozen: a stop while paused has nothing left to cancel.
            if (entry.kind === 'timer.fired' || entry.kind === 'timer.cancelled' || entry.kind === 'timer.frozen') pending = undefined;
          }
          const after = entries.slice(stopAt + 1);
          const cancelled = after.filter((e) => e.kind === 'timer.cancelled');
          if (pending) expect(cancelled).toEqual([expect.objectContaining({ t: stop.t, due: pending.due })]);
          else expect(cancelled).toEqual([]);
          expect(after.filter((e) => e.kind === 'timer.fired' || e.kind === 'timer.set')).toEqual([]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(5) every stop has a cause the settings allow: a selected exit condition, or a permitted manual stop', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        const settings = new Map(input.workflows.map((w) => [w.id, w.settings]));
        for (const state of result.runs({ status: 'stopped' })) {
          const own = settings.get(state.workflow);
          if (state.reason === 'manual') {
            expect(own?.manualStop).toBe(true);
            expect(state.stoppedBy).toBe('alice');
          } else {
            expect(own?.exitConditions.enabled).toBe(true);
            expect(own?.exitConditions.on).toContain(state.reason as ExitCondition);
          }
        }
        for (const refused of result.entries({ kind: 'stop.refused' })) {
          if (refused.user === 'rita') expect(refused.reason).toBe('restricted_user');
          else if (!settings.get(refused.workflow ?? '')?.manualStop) expect(refused.reason).toBe('manual_stop_off');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(6) an event that stops a run never starts a new run of that Workflow for that contact', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        for (const stop of result.entries({ kind: 'run.stopped' })) {
          const restarted = result.entries(
            (e) => e.kind === 'run.started' && e.workflow === stop.workflow && e.contact === stop.contact && e.t === stop.t && e.seq > stop.seq,
          );
          // Another external event at the same instant may start one; the stopping event may not.
          const nextEvent = result.trace.find((e) => e.kind === 'event' && e.contact === stop.contact && e.seq > stop.seq);
          for (const started of restarted) expect(nextEvent !== undefined && started.seq > nextEvent.seq).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ── After the stop ───────────────────────────────────────────────────────────────────────────────────

describe('Properties of the engine after the stop', () => {
  it('(7) the When stopped path runs exactly once per stopped run, right after its stop, and never for a run that did not stop', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        const entries = byRun(result.trace);
        const withPath = new Set(input.workflows.filter((workflow) => workflow.whenStopped !== undefined).map((workflow) => workflow.id));
        for (const state of result.runs()) {
          const own = entries.get(state.run) ?? [];
          const started = own.filter((e) => e.kind === 'when_stopped.started');
          const ended = own.filter((e) => e.kind === 'when_stopped.ended');
          const expected = state.status === 'stopped' && withPath.has(state.workflow) ? 1 : 0;
          expect([started.length, ended.length]).toEqual([expected, expected]);
          if (expected === 0) continue;
          const stop = own.findIndex((e) => e.kind === 'run.stopped');
          const between = own.slice(stop + 1, own.indexOf(started[0] as TraceEntry));
          // Only what the stop itself cancels comes between, and all of it in the stop's instant.
          expect(between.every((e) => e.kind === 'timer.cancelled' || e.kind === 'question.cancelled')).toBe(true);
          expect(started[0]?.t).toBe(state.endedAt);
          expect(ended[0]?.t).toBe(state.endedAt);
          expect(started[0]?.reason).toBe(state.reason);
          // It leaves the run at the step it stopped at.
          expect(own.find((e) => e.kind === 'run.stopped')?.step).toBe(state.atStep);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(8) a trigger blocked by a re-entry rule never starts a run before the rule lifts', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        const runs = result.runs();
        for (const workflow of input.workflows) {
          const rule = workflow.settings.afterStop;
          if (rule === undefined || rule.reentry === 'allow') continue;
          const waitMs = rule.reentry === 'after' ? (Number(/^(\d+)h$/.exec(rule.wait ?? '')?.[1] ?? 24) * 3_600_000) : Infinity;
          for (const stopped of runs.filter((run) => run.workflow === workflow.id && run.status === 'stopped')) {
            if (rule.reasons !== undefined && !rule.reasons.includes(stopped.reason as (typeof STOP_REASONS)[number])) continue;
            const lift = (stopped.endedAt as number) + waitMs;
            const early = runs.filter((run) => run.workflow === workflow.id && run.contact === stopped.contact && run.startedAt > (stopped.endedAt as number) && run.startedAt < lift);
            expect(early).toEqual([]);
          }
          for (const ignored of result.entries({ kind: 'trigger.ignored', workflow: workflow.id }).filter((e) => e.reason === 'reentry_never' || e.reason === 'reentry_wait')) {
            expect(ignored.stoppedAt).toBeLessThanOrEqual(ignored.t);
            if (ignored.reason === 'reentry_wait') expect(ignored.liftsAt).toBeGreaterThan(ignored.t);
            else expect(ignored.liftsAt).toBeUndefined();
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(9) a paused run executes no step and sends nothing until it resumes; its When stopped path runs only after a stop', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        for (const own of byRun(result.trace).values()) {
          let paused = false;
          for (const entry of own) {
            if (entry.kind === 'run.paused') {
              expect(paused).toBe(false); // never paused twice over
              paused = true;
            } else if (entry.kind === 'run.resumed' || entry.kind === 'run.stopped') paused = false;
            else if (paused) expect(['step', 'message.sent', 'contact.changed', 'comment.added', 'timer.set', 'timer.fired', 'question.answered', 'when_stopped.started']).not.toContain(entry.kind);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(10) a resumed run’s timer continues with exactly the time it had left when it paused', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        for (const own of byRun(result.trace).values()) {
          let frozen: TraceEntry | null = null;
          own.forEach((entry, i) => {
            if (entry.kind === 'timer.frozen') frozen = entry;
            if (entry.kind === 'run.stopped') frozen = null;
            if (entry.kind !== 'run.resumed') return;
            const next = own[i + 1];
            if (frozen === null) expect(next?.kind).not.toBe('timer.set');
            else {
              const left = (frozen.due as number) - frozen.t;
              expect(next).toMatchObject({ kind: 'timer.set', t: entry.t, due: entry.t + left });
            }
            frozen = null;
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(11) a paused run resumes by its rule only: after its silence since the last pause or extension, or when the conversation closes', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const result = simulate(input);
        const byId = new Map(input.workflows.map((workflow) => [workflow.id, workflow]));
        for (const own of byRun(result.trace).values()) {
          let quietSince = -1;
          for (const entry of own) {
            if (entry.kind === 'run.paused' || (entry.kind === 'pause.extended' && entry.due !== undefined)) quietSince = entry.t;
            if (entry.kind !== 'run.resumed') continue;
            const resume = byId.get(entry.workflow ?? '')?.settings.pause?.resume;
            expect(entry.reason).toBe(resume?.on);
            if (resume?.on === 'silence') expect(entry.t - quietSince).toBe(Number(/^(\d+)h$/.exec(resume.after)?.[1]) * 3_600_000);
            else {
              const closed = result.entries((e) => e.contact === entry.contact && e.t === entry.t && ((e.kind === 'event' && e.event === 'conversation.close') || e.change === 'conversation_closed'));
              expect(closed.length).toBeGreaterThan(0);
            }
          }
        }
        // A run still paused at the end says so, with the condition that paused it.
        for (const state of result.runs({ status: 'paused' })) expect(state.reason).toMatch(/^(outgoing_message|incoming_message|manual_assignment)$/);
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});
