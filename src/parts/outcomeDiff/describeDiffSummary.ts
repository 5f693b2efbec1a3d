import type { OutcomeDiff } from '../../../simulator/schema/outcomeDiff.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

const count = (n: number) => formatCount(n);
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The totals of an outcome diff in one line, counting every changed run even when the listed rows
 * were capped: "3 of 12 runs change", "No run changes: 12 runs end the same".
 */
export function describeDiffSummary(diff: OutcomeDiff): string {
  if (diff.changed === 0) return `No run changes: ${plural(diff.runs, 'run')} end${diff.runs === 1 ? 's' : ''} the same`;
  return `${count(diff.changed)} of ${plural(diff.runs, 'run')} change${diff.changed === 1 ? 's' : ''}`;
}
