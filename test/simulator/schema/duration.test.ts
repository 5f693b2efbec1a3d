import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationSchema, formatOffset, offsetSchema, parseDuration } from '../../../simulator/schema/duration.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['+0', 0],
    ['+90s', 90 * SECOND],
    ['+5m', 5 * MINUTE],
    ['+1h30m', HOUR + 30 * MINUTE],
    ['+1d2h', DAY + 2 * HOUR],
    ['+1d2h3m4s', DAY + 2 * HOUR + 3 * MINUTE + 4 * SECOND],
    ['+24h', DAY],
    ['+0s', 0],
  ])('reads the script offset %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['0', 0],
    ['90s', 90 * SECOND],
    ['30m', 30 * MINUTE],
    ['24h', DAY],
    ['1d2h', DAY + 2 * HOUR],
    ['2d', 2 * DAY],
  ])('reads the duration %s (no leading +) as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    '+',
    '++5m',
    '-5m',
    '5',
    '+5',
    '+00',
    '1.5h',
    '+1h1d',
    '+30m1h',
    '5M',
    '5 m',
    ' 5m',
    '5m ',
    'h',
    'd5',
    '1w',
    '5ms',
    '1h30',
    'PT5M',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '+0'],
    [90 * SECOND, '+1m30s'],
    [5 * MINUTE, '+5m'],
    [HOUR + 30 * MINUTE, '+1h30m'],
    [DAY + 2 * HOUR, '+1d2h'],
    [DAY, '+1d'],
    [3 * DAY + 4 * SECOND, '+3d4s'],
    [1_500, '+1s500ms'],
    [-5 * MINUTE, '-5m'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });
});

describe('round trips', () => {
  it.each(['+0', '+5m', '+1h30m', '+1d2h', '+1d2h3m4s', '+45s'])('%s survives parse → format unchanged', (text) => {
    const ms = parseDuration(text);
    expect(ms).toBeDefined();
    expect(formatOffset(ms as number)).toBe(text);
  });

  it('normalises non-canonical offsets to the shortest form that reads back the same', () => {
    for (const [text, canonical] of [
      ['+90s', '+1m30s'],
      ['+24h', '+1d'],
      ['+0s', '+0'],
      ['+120m', '+2h'],
    ] as const) {
      const ms = parseDuration(text) as number;
      expect(formatOffset(ms)).toBe(canonical);
      expect(parseDuration(canonical)).toBe(ms);
    }
  });

  it('formatOffset then parseDuration gives back any whole number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 3600 }), (seconds) => {
        const text = formatOffset(seconds * SECOND);
        expect(parseDuration(text)).toBe(seconds * SECOND);
        expect(offsetSchema.safeParse(text).success).toBe(true);
      }),
    );
  });

  it('parseDuration then formatOffset then parseDuration is stable for any well-formed offset', () => {
    const part = (unit: string) => fc.option(fc.integer({ min: 0, max: 999 }).map((n) => `${n}${unit}`), { nil: '' });
    const offsets = fc
      .tuple(part('d'), part('h'), part('m'), part('s'))
      .map((parts) => parts.join(''))
      .filter((body) => body !== '')
      .map((body) => `+${body}`);
    fc.assert(
      fc.property(offsets, (text) => {
        const ms = parseDuration(text);
        expect(ms).toBeDefined();
        expect(parseDuration(formatOffset(ms as number))).toBe(ms);
      }),
    );
  });
});

describe('durationSchema and offsetSchema agree with parseDuration', () => {
  it.each(['24h', '30m', '1d2h', '90s', '0s'])('durationSchema accepts %j', (text) => {
    expect(durationSchema.safeParse(text).success).toBe(true);
  });

  it.each(['+24h', '', '24', '1h1d', '1.5h', '-1h', '24H'])('durationSchema rejects %j', (text) => {
    expect(durationSchema.safeParse(text).success).toBe(false);
  });

  it.each(['+0', '+90s', '+5m', '+1h30m', '+1d2h'])('offsetSchema accepts %j', (text) => {
    expect(offsetSchema.safeParse(text).success).toBe(true);
  });

  it.each(['0', '5m', '+', '+5', '+00', '-5m', '+1h1d', '+1.5h'])('offsetSchema rejects %j', (text) => {
    expect(offsetSchema.safeParse(text).success).toBe(false);
  });

  it('every text offsetSchema accepts, parseDuration reads', () => {
    const part = (unit: string) => fc.option(fc.integer({ min: 0, max: 99 }).map((n) => `${n}${unit}`), { nil: '' });
    const candidates = fc.oneof(
      fc.tuple(part('d'), part('h'), part('m'), part('s')).map((parts) => `+${parts.join('')}`),
      fc.string({ maxLength: 8 }).map((s) => `+${s}`),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        if (offsetSchema.safeParse(text).success) expect(parseDuration(text)).toBeDefined();
      }),
    );
  });
});
