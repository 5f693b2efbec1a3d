import type { OutcomeDiff } from '../../../simulator/schema/outcomeDiff.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The totals of an outcome diff in one line, counting every changed run even when the listed rows
 * were capped: "3 of 12 runs change", "No run changes: 12 runs end the same".
 */
export function describeDiffSummary(diff: OutcomeDiff): string {
  if (diff.changed === 0) return `No run changes: ${plural(diff.runs, 'run')} end${diff.runs === 1 ? 's' : ''} the same`;
  return `${formatCount(diff.changed)} of ${plural(diff.runs, 'run')} change${diff.changed === 1 ? 's' : ''}`;
}

/**
 * Whether the diff's table has a row to show: a changed run, listed or counted in an "and … more"
 * line, or a script that could not be simulated. Decided from the rows the table draws, not from
 * the totals, so no row is hidden and no table is drawn with none; when false, the summary alone
 * is said ("No run changes: …").
 */
export function hasRowsToList(diff: OutcomeDiff): boolean {
  return diff.rows.some((row) => !row.ok || row.changed > 0 || row.differences.length > 0);
}
