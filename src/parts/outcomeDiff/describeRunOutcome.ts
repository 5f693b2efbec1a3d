import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { RunOutcome } from '../../../simulator/schema/outcomeDiff.ts';
import { describeReason } from '../../../simulator/trace/describeEntry.ts';

/** One side of a changed run in words: the lead word, where and when, and why. */
export interface RunOutcomeText {
  /** "Stopped", "Paused", "Completed", "Failed", "Still waiting", "No run". */
  readonly outcome: string;
  /** "at Wait 24h, +3h", "at Wait 2h (due +2h)"; empty for no run. */
  readonly where: string;
  /** The engine's words for the reason ("incoming message"), or who stopped it by hand; empty when there is none. */
  readonly why: string;
}

/**
 * How a run ended, or where it stands when the script ends, as the engine reported it; `null` is
 * a run that exists on the other side only.
 *
 * @example describeRunOutcome(run) // { outcome: 'Stopped', where: 'at Wait 24h, +3h', why: 'incoming message' }
 */
export function describeRunOutcome(run: RunOutcome | null): RunOutcomeText {
  if (run === null) return { outcome: 'No run', where: '', why: '' };
  const step = run.atStep === undefined ? '' : `at ${run.atStep.label}`;
  const at = run.at === undefined ? '' : `, ${formatOffset(run.at)}`;
  const reason = run.reason === undefined ? '' : describeReason(run.reason);
  switch (run.status) {
    case 'stopped':
      return { outcome: 'Stopped', where: `${step}${at}`, why: run.reason === 'manual' ? `by ${run.stoppedBy?.name ?? 'a user'}` : reason };
    case 'completed':
      return { outcome: 'Completed', where: `${step}${at}`, why: '' };
    case 'failed':
      return { outcome: 'Failed', where: `${step}${at}`, why: reason };
    case 'paused':
      return { outcome: 'Paused', where: `${step}${at}`, why: reason };
    case 'active':
      return { outcome: 'Still waiting', where: `${step}${run.due === undefined ? '' : ` (due ${formatOffset(run.due)})`}`, why: '' };
  }
}
