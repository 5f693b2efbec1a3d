import { formatCount } from '../schema/formatCount.ts';
/** One part of the scripts, `index` of `count` (both from 1): `--shard 2/4` is `{ index: 2, count: 4 }`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * More runners than any CI matrix offers (GitHub Actions stops at 256 jobs a matrix); a bigger
 * figure is a typo, and the cap keeps the numbers well inside what a double holds exactly.
 */
export const MAX_SHARDS = 1000;

/** A value as quoted in a message: a runaway one (a million digits) is cut short. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/**
 * Reads `--shard`'s value `K/N`: whole numbers, 1 ≤ K ≤ N ≤ MAX_SHARDS. A string is the error
 * message. Nothing is rounded or guessed: `1.5/3`, `2/4/8`, ` 2/4` and `+2/4` are refused.
 */
export function parseShard(value: string | undefined): Shard | string {
  if (value === undefined || value === '') return '--shard needs K/N, such as 2/4 (the 2nd of 4 shards)';
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match) return `--shard needs K/N with whole numbers, such as 2/4, not "${shown(value)}"`;
  const [k, n] = [match[1] as string, match[2] as string];
  // Checked on the digits first: twenty of them would not even be a whole number as a double.
  const count = n.length > 4 ? Infinity : Number(n);
  if (count === 0) return `--shard ${shown(value)}: at least 1 shard`;
  if (count > MAX_SHARDS) return `--shard ${shown(value)}: at most ${formatCount(MAX_SHARDS)} shards`;
  const index = k.length > 4 ? Infinity : Number(k);
  if (index === 0) return `--shard ${shown(value)}: shards count from 1, so K goes from 1 to ${count}`;
  if (index > count) return `--shard ${shown(value)}: there is no shard ${shown(k)} of ${count}; K goes from 1 to ${count}`;
  return { index, count };
}
