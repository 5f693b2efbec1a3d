import { describe, expect, it } from 'vitest';
import { formatSpan, formatVirtualTime } from '../../../src/common/virtualTime.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatSpan', () => {
  it.each<[number, string]>([
    [0, 'now'],
    [999, 'now'],
    [-5 * MINUTE, 'now'],
    [SECOND, '1s'],
    [59 * SECOND + 999, '59s'],
    [MINUTE, '1m'],
    [5 * MINUTE + 30 * SECOND, '5m'],
    [HOUR, '1h'],
    [HOUR + MINUTE, '1h1m'],
    [DAY - MINUTE, '23h59m'],
    [DAY - 1, '23h59m'],
    [DAY, '1d'],
    [DAY + 59 * MINUTE, '1d'],
    [DAY + HOUR, '1d1h'],
    [3 * DAY + 4 * HOUR + 30 * MINUTE, '3d4h'],
    [Number.NaN, 'now'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe('formatVirtualTime', () => {
  const start = Date.parse('2026-01-05T09:00:00Z');

  it('reads as a weekday, date and time in the workspace’s time zone', () => {
    expect(formatVirtualTime(start, 'UTC')).toBe('Mon 5 Jan, 09:00:00');
    expect(formatVirtualTime(start + DAY + 90 * SECOND, 'UTC')).toBe('Tue 6 Jan, 09:01:30');
    expect(formatVirtualTime(start, 'Europe/Berlin')).toBe('Mon 5 Jan, 10:00:00');
    expect(formatVirtualTime(start, 'America/Los_Angeles')).toBe('Mon 5 Jan, 01:00:00');
  });
});
