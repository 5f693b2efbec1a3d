import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

describe('formatCount', () => {
  it('writes a count as toLocaleString("en-US") does, thousands grouped by commas', () => {
    const counts = [0, 1, 12, 123, 1_234, 12_345, 123_456, 1_234_567, 25_000_000, -1, -999, -1_000, -1_234_567, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (const n of counts) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
    for (const n of [10n, 1_234_567_890_123_456_789n, -1_234n]) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves what is not a whole number to toLocaleString', () => {
    for (const n of [1.5, 1234.5678, 1e21, Number.NaN, Infinity, -Infinity]) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
