import type { TraceEntry, TraceKind } from '../schema/trace.ts';
import { describeEntry, type TraceNames } from './describeEntry.ts';

/** The entries that are a decision worth saying aloud in a demo; steps, tags and the like are not. */
const DECISION_KINDS: ReadonlySet<TraceKind> = new Set<TraceKind>([
  'run.started',
  'run.stopped',
  'run.completed',
  'run.failed',
  'run.paused',
  'run.resumed',
  'message.sent',
  'timer.set',
  'timer.fired',
  'question.answered',
  'question.timeout',
  'when_stopped.started',
  'when_stopped.ended',
]);

/** What a caption says: the engine's sentence for the decision, and for the event that caused it at the same instant. */
export interface DecisionCaption {
  /** The script's event at the decision's instant (e.g. the contact's message), when there is one. */
  readonly cause: string | null;
  readonly decision: string;
  /** Whether the decision is a run stopping. */
  readonly stop: boolean;
  /** The instant of the decision (ms since the script's start). */
  readonly t: number;
}

/**
 * The latest decision a contact's trace holds up to `now`, in the engine's own sentences, with the
 * event that happened at the same instant before it (what the decision answered); null before any.
 */
export function decisionCaption(entries: readonly TraceEntry[], now: number, names: TraceNames): DecisionCaption | null {
  let decision: TraceEntry | undefined;
  for (const entry of entries) if (entry.t <= now && DECISION_KINDS.has(entry.kind) && (!decision || entry.seq > decision.seq)) decision = entry;
  if (!decision) return null;
  const found = decision;
  let cause: TraceEntry | undefined;
  for (const entry of entries) if (entry.kind === 'event' && entry.t === found.t && entry.seq < found.seq && (!cause || entry.seq > cause.seq)) cause = entry;
  return { cause: cause ? describeEntry(cause, names) : null, decision: describeEntry(found, names), stop: found.kind === 'run.stopped', t: found.t };
}
