import { formatOffset } from '../../simulator/schema/duration.ts';

/** One formatter per time zone: making one costs far more than using it, and every transcript line and clock tick formats a time. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The virtual clock as people read it: a weekday, date and time in the workspace's time zone. */
export function formatVirtualTime(epochMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(epochMs);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A span of virtual time, roughly, for "due in" and "since", written as offsets are (`formatOffset`)
 * to at most two units: `3d4h`, `23h59m`, `5m`, `30s`, `now` under a second. Above a minute it
 * counts whole minutes, above a day whole hours.
 */
export function formatSpan(ms: number): string {
  if (!(ms >= 1000)) return 'now';
  const unit = ms >= 24 * HOUR ? HOUR : ms >= MINUTE ? MINUTE : 1000;
  return formatOffset(Math.floor(ms / unit) * unit).slice(1);
}
