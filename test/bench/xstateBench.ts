import { createActor } from 'xstate';
import type { ScriptEvent } from '../../simulator/schema/script.ts';
import { createFollowUpMachine, type ContactEnv, type ContactEvent, type Recorder, type RunOutcome } from './followUpMachine.ts';
import { collectGarbage, heapBytes, keepAlive, nowMs, type BenchFigures } from './measure.ts';
import { SteppedClock } from './steppedClock.ts';
import { PopulationSchedule, type Workload } from './workload.ts';

export interface XstateResult {
  readonly events: number;
  readonly recorder: Recorder;
  /** Per contact, its runs' outcomes in the order they started. */
  readonly outcomes: RunOutcome[][];
  /** The machine and the last actor, kept alive with the result (see `keepAlive`). */
  readonly machine: unknown;
  readonly lastActor: unknown;
}

function toContactEvent(event: ScriptEvent): ContactEvent {
  switch (event.type) {
    case 'contact.message':
      return { type: 'contact.message', text: event.text };
    case 'agent.message':
      return { type: 'agent.message', user: event.user, text: event.text };
    case 'assign':
      return event.user === undefined ? { type: 'assign', to: event.to } : { type: 'assign', user: event.user, to: event.to };
    default:
      throw new Error(`the XState model does not handle ${event.type}`);
  }
}

/**
 * The workload on XState: one actor per contact, with its own `SteppedClock`, contacts one after
 * another (they are independent). Each contact's events come from `PopulationSchedule` (the same
 * seeded jitter and order as the engine's feed); before an event at T the clock fires the timers
 * due before T, then the event is sent. Events = script events delivered + timers fired.
 */
export function runXstate(workload: Workload): XstateResult {
  const schedule = new PopulationSchedule(workload.script);
  const machine = createFollowUpMachine(workload.workflow);
  const recorder: Recorder = { trace: [], nextRun: 0 };
  const outcomes = new Array<RunOutcome[]>(workload.contacts);
  const byTemplate = Array.from({ length: schedule.count }, (_, k) => toContactEvent(schedule.event(k)));
  const template = workload.script.contacts[0];
  const name = template?.name || template?.id;
  const until = workload.until;
  let events = 0;
  let lastActor: unknown = null;
  for (let contact = 0; contact < workload.contacts; contact++) {
    const clock = new SteppedClock();
    const env: ContactEnv = { contact, name: `${name} ${contact + 1}`, clock, recorder, outcomes: [] };
    const actor = createActor(machine, { clock, input: env });
    actor.start();
    schedule.load(contact);
    for (let j = 0; j < schedule.count; j++) {
      const time = schedule.times[j] as number;
      if (time > until) break;
      clock.advanceTo(time, false);
      events++;
      actor.send(byTemplate[schedule.order[j] as number] as ContactEvent);
    }
    clock.advanceTo(until, true);
    if (actor.getSnapshot().matches('waiting24h')) env.outcomes.push({ status: 'active', reason: null, atStep: 'wait', endedAt: null });
    actor.stop();
    lastActor = actor;
    events += clock.fired;
    outcomes[contact] = env.outcomes;
  }
  return { events, recorder, outcomes, machine, lastActor };
}

/** Times `runXstate` and measures the heap it holds, as `benchEngine` does for the engine. */
export function benchXstate(workload: Workload): BenchFigures {
  collectGarbage();
  const before = heapBytes();
  const t0 = nowMs();
  const result = runXstate(workload);
  const ms = nowMs() - t0;
  collectGarbage();
  const held = heapBytes() - before;
  const { events } = result;
  const traceEntries = result.recorder.trace.length;
  // The trace's share: what the heap gives back when only the trace is dropped.
  result.recorder.trace = [];
  collectGarbage();
  const traceBytes = held - (heapBytes() - before);
  keepAlive('xstate', result);
  return {
    contacts: workload.contacts,
    events,
    traceEntries,
    ms,
    eventsPerSec: (events / ms) * 1000,
    traceEntriesPerSec: (traceEntries / ms) * 1000,
    bytesPerContact: held / workload.contacts,
    traceBytesPerContact: traceBytes / workload.contacts,
  };
}
