import type { Shard } from './parseShard.ts';

/**
 * The scripts of shard `index` of `count`, from every script found: sorted by `key` (each script's
 * path relative to the folder that holds them all, with `/` between folders), script i of that order
 * goes to shard (i mod count) + 1. The answer keeps the sorted order.
 *
 * Why this rule:
 * - Stable: the key is the path relative to the common folder, not where the checkout sits nor the
 *   order the files were listed or the disk listed them, so every runner of a CI matrix, given the
 *   same files, computes the same split, and a script always lands in the same shard while the set
 *   of scripts stays the same. Compared by UTF-16 code units, not `localeCompare` (its order
 *   depends on the machine's ICU data and locale); with `/` on every system, as `\` sorts
 *   elsewhere among the characters.
 * - Told apart by folder: two `assigned.script.json` in different folders have different keys.
 * - Balanced: every shard holds ⌊n/count⌋ or ⌈n/count⌉ scripts. A hash of the name would move no
 *   other script when one is added, but leaves shards of a few dozen scripts lopsided (one runner
 *   gets twice the work); dealing round the sorted list also spreads a folder's scripts (which
 *   tend to cost alike, a population among them) over the runners instead of handing one runner
 *   the folder.
 */
export function scriptsInShard<T extends { readonly key: string }>(scripts: readonly T[], shard: Shard): T[] {
  return [...scripts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).filter((_, i) => i % shard.count === shard.index - 1);
}
