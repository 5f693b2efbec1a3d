import type { CompareRun } from '../../../../simulator/schema/compare.ts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import { describeReason } from '../../../../simulator/trace/describeEntry.ts';

/** The parts of one run's line in a Compare cell: what happened (the lead word), where, when, and why. */
export interface CompareRunText {
  /** "Stopped", "Paused", "Completed", "Failed", "Still waiting" — the word the cell's colour repeats. */
  readonly outcome: string;
  /** "at Wait 24h, +3h", "for a reply at Ask what they need (times out +1h)", "at Wait 24h, +45m (23h15m left, resumes +2h45m)", "at End, +1d2h (after a pause)". */
  readonly where: string;
  /** "incoming message", "by Alice"; empty when there is no reason. */
  readonly why: string;
}

/**
 * How a run ended, in words, with times as offsets from the script's start.
 *
 * @example describeCompareRun(run) // { outcome: 'Stopped', where: 'at Wait 24h, +3h', why: 'incoming message' }
 */
export function describeCompareRun(run: CompareRun): CompareRunText {
  const step = run.atStep?.label ?? '';
  const at = (time: number | undefined) => (time === undefined ? '' : `, ${formatOffset(time)}`);
  switch (run.status) {
    case 'stopped':
      return {
        outcome: 'Stopped',
        where: `at ${step}${at(run.at)}${pausedBefore(run)}`,
        why: run.reason === 'manual' ? `by ${run.stoppedBy?.name ?? 'a user'}` : run.reason === undefined ? '' : describeReason(run.reason),
      };
    case 'completed':
      return { outcome: 'Completed', where: `at ${step}${at(run.at)}${pausedBefore(run)}`, why: '' };
    case 'failed':
      return { outcome: 'Failed', where: `at ${step}${at(run.at)}${pausedBefore(run)}`, why: run.reason === undefined ? '' : describeReason(run.reason) };
    case 'paused':
      return { outcome: 'Paused', where: `at ${step}${at(run.at)}${held(run)}`, why: run.reason === undefined ? '' : describeReason(run.reason) };
    case 'active': {
      const due = run.due === undefined ? '' : ` (${run.waitingFor === 'reply' ? 'times out' : 'due'} ${formatOffset(run.due)})`;
      return { outcome: 'Still waiting', where: `${run.waitingFor === 'reply' ? 'for a reply ' : ''}at ${step}${due}${pausedBefore(run)}`, why: '' };
    }
  }
}

/** A run that paused and went on says so, as its end alone looks like a run that never paused: " (after a pause)", " (after 2 pauses)". */
function pausedBefore(run: CompareRun): string {
  if (run.pauses === undefined) return '';
  return run.pauses === 1 ? ' (after a pause)' : ` (after ${run.pauses} pauses)`;
}

/** What a paused run keeps and when it goes on: "(23h15m left, resumes +2h45m)", "(resumes when the conversation is closed)". */
function held(run: CompareRun): string {
  const left = run.remaining === undefined ? [] : [`${formatOffset(run.remaining).slice(1)} left`];
  const resumes = run.resumesAt === undefined ? 'resumes when the conversation is closed' : `resumes ${formatOffset(run.resumesAt)}`;
  return ` (${[...left, resumes].join(', ')})`;
}
