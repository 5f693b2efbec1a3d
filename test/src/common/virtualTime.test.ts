import { describe, expect, it, vi } from 'vitest';
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

  it('writes UTC without Intl exactly as Intl writes it: every month and weekday, midnight, the last second, fractions of a second, before 1970', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const instants = [0, -1, -DAY - 1, Date.parse('2026-09-15T00:00:00Z'), Date.parse('2026-06-30T23:59:59.999Z'), Date.parse('2036-02-29T12:34:56.5Z')];
    // A day and a bit apart over ten years: every month, weekday and hour.
    for (let t = start; t < start + 3650 * DAY; t += DAY + 3_723_457) instants.push(t);
    for (const t of instants) expect(formatVirtualTime(t, 'UTC'), new Date(t).toISOString()).toBe(intl.format(t));
  });

  it('makes no Intl formatter for UTC: the first one with a time zone loads ICU’s zone data on the first screen', async () => {
    vi.resetModules();
    const original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
        made++;
        return new target(...args);
      },
    });
    try {
      const fresh = await import('../../../src/common/virtualTime.ts');
      expect(fresh.formatVirtualTime(start, 'UTC')).toBe('Mon 5 Jan, 09:00:00');
      expect(made).toBe(0);
      expect(fresh.formatVirtualTime(start, 'Europe/Berlin')).toBe('Mon 5 Jan, 10:00:00');
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });

  it('refuses an instant no date holds, as Intl does', () => {
    for (const t of [Number.NaN, Infinity, 8.64e15 + 1]) expect(() => formatVirtualTime(t, 'UTC'), String(t)).toThrow(RangeError);
  });
});
