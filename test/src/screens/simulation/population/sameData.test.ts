import { describe, expect, it } from 'vitest';
import { sameData } from '../../../../../src/screens/simulation/population/sameData.ts';

describe('sameData', () => {
  it('holds two answers with the same numbers the same, however made', () => {
    const bucket = () => ({ from: 0, to: 3_600_000, paused: 2, resumed: 1 });
    expect(sameData([bucket(), bucket()], [bucket(), bucket()])).toBe(true);
  });

  it('tells apart answers that differ in one count, one stretch or their length', () => {
    const buckets = [
      { from: 0, to: 10, paused: 2, resumed: 1 },
      { from: 10, to: 20, paused: 0, resumed: 3 },
    ];
    expect(sameData(buckets, [buckets[0], { ...buckets[1], resumed: 4 }])).toBe(false);
    expect(sameData(buckets, [buckets[0], { ...buckets[1], from: 11 }])).toBe(false);
    expect(sameData(buckets, buckets.slice(0, 1))).toBe(false);
  });
});
