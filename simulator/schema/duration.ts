import { z } from 'zod';
import { DAY_MS, LIMITS } from './limits.ts';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses a duration such as `24h`, `1h30m`, `1d2h`, `90s` (an optional leading `+` is accepted,
 * so script offsets like `+5m` and `+0` use the same grammar). Returns milliseconds, or
 * `undefined` when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const body = text.startsWith('+') ? text.slice(1) : text;
  if (body === '0') return 0;
  if (body === '') return undefined;
  const match = DURATION.exec(body);
  if (!match) return undefined;
  const [, d, h, m, s] = match;
  return (
    Number(d ?? 0) * UNIT_MS.d + Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s
  );
}

/**
 * Formats milliseconds as the shortest offset, e.g. `+1d2h`, `+90s` → `+1m30s`, `+0`. Whole
 * milliseconds; any finite number is written in digits, never with an exponent (`1e+21d`).
 */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return Number.isNaN(ms) ? '+?' : ms > 0 ? '+∞' : '-∞';
  const whole = Math.round(ms);
  if (whole === 0) return '+0';
  const sign = whole < 0 ? '-' : '+';
  // Past 2^53 a double's arithmetic is inexact: count in BigInt there (never in practice: LIMITS).
  let rest = BigInt(Math.abs(whole));
  let out = '';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = BigInt(UNIT_MS[unit]);
    const n = rest / size;
    if (n > 0n) out += `${n}${unit}`;
    rest -= n * size;
  }
  if (rest > 0n) out += `${rest}ms`;
  return sign + (out || '0');
}

const MAX_DAYS = LIMITS.horizonMs / DAY_MS;
const horizonMessage = `At most ${MAX_DAYS}d (ten years), the longest a simulation runs`;
// Text that is no duration at all is the regex's to report.
const withinHorizon = (text: string) => (parseDuration(text) ?? 0) <= LIMITS.horizonMs;

/** A duration written as text (`24h`, `30m`, `1d2h`). */
export const durationSchema = z
  .string()
  .regex(/^(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?$/, 'Expected a duration such as "30m", "24h" or "1d2h"')
  .refine(withinHorizon, horizonMessage)
  .describe('A duration: days, hours, minutes, seconds, e.g. "30m", "24h", "1d2h", "90s"');

/** An offset from a script's start (`+0`, `+90s`, `+5m`, `+1h30m`, `+1d2h`). */
export const offsetSchema = z
  .string()
  .regex(
    /^\+(?:0|(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?)$/,
    'Expected an offset from the start such as "+0", "+5m", "+1h30m" or "+1d2h"',
  )
  .refine(withinHorizon, horizonMessage)
  .describe('An offset from the script start: "+0", "+90s", "+5m", "+1h30m", "+1d2h"');

/** A time of day `HH:MM`, 24-hour clock. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time of day as HH:MM, e.g. "09:00"');

export function parseTimeOfDay(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}
