// The split rule on its own: sorted by key (code units), script i to shard (i mod N) + 1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptsInShard } from '../../../simulator/cli/scriptsInShard.ts';

const keyed = (keys: readonly string[]) => keys.map((key) => ({ key }));
const keysOf = (scripts: readonly { key: string }[]) => scripts.map((script) => script.key);

describe('scriptsInShard', () => {
  it('deals the sorted keys round: 2/3 of a..g is b and e', () => {
    const keys = ['g', 'c', 'a', 'f', 'b', 'e', 'd'];
    expect(keysOf(scriptsInShard(keyed(keys), { index: 1, count: 3 }))).toEqual(['a', 'd', 'g']);
    expect(keysOf(scriptsInShard(keyed(keys), { index: 2, count: 3 }))).toEqual(['b', 'e']);
    expect(keysOf(scriptsInShard(keyed(keys), { index: 3, count: 3 }))).toEqual(['c', 'f']);
  });

  it('compares code units, not the locale: upper case before lower, "a-b/" before "a/", digits after "/"', () => {
    const keys = ['b/x', 'B/x', 'a/x', 'a-b/x', 'a0/x', 'ä/x'];
    expect(keysOf(scriptsInShard(keyed(keys), { index: 1, count: 1 }))).toEqual(['B/x', 'a-b/x', 'a/x', 'a0/x', 'b/x', 'ä/x']);
  });

  it('every script in exactly one shard, shards within one of each other, whatever the order given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer(), (keys, count, seed) => {
        const shuffled = [...keys].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        const shards = Array.from({ length: count }, (_, k) => keysOf(scriptsInShard(keyed(keys), { index: k + 1, count })));
        const again = Array.from({ length: count }, (_, k) => keysOf(scriptsInShard(keyed(shuffled), { index: k + 1, count })));
        expect(again).toEqual(shards);
        expect(shards.flat().sort()).toEqual([...keys].sort());
        const sizes = shards.map((shard) => shard.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
