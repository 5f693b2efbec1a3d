import { describe, expect, it } from 'vitest';
import { formatOffset } from '../../../../../simulator/schema/duration.ts';
import { formatSince } from '../../../../../src/screens/simulation/playback/formatSince.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatSince', () => {
  it('reads the start as +0', () => {
    expect(formatSince(0)).toBe('+0');
    expect(formatSince(999)).toBe('+0');
  });

  it('counts seconds only in the first minute', () => {
    expect(formatSince(30_000)).toBe('+30s');
    expect(formatSince(MINUTE + 30_000)).toBe('+1m');
  });

  it('gives minutes, hours and days, dropping what is zero', () => {
    expect(formatSince(45 * MINUTE)).toBe('+45m');
    expect(formatSince(3 * HOUR)).toBe('+3h');
    expect(formatSince(3 * HOUR + 5 * MINUTE)).toBe('+3h5m');
    expect(formatSince(DAY + 2 * HOUR)).toBe('+1d2h');
    expect(formatSince(2 * DAY)).toBe('+2d');
  });

  it('rounds down, to the largest two units above an hour', () => {
    expect(formatSince(DAY + 2 * HOUR + 59 * MINUTE)).toBe('+1d2h');
    expect(formatSince(HOUR - 1)).toBe('+59m');
  });

  it('writes a whole instant as the trace and the scripts write offsets', () => {
    for (const ms of [30_000, 45 * MINUTE, 3 * HOUR + 5 * MINUTE, DAY + 2 * HOUR, 12 * DAY + 23 * HOUR]) expect(formatSince(ms)).toBe(formatOffset(ms));
  });

  it('never reads before the start', () => {
    expect(formatSince(-5 * MINUTE)).toBe('+0');
  });
});
