import { formatOffset } from '../../simulator/schema/duration.ts';
import type { TraceNames } from '../../simulator/trace/describeEntry.ts';

/** One formatter per time zone: making one costs far more than using it, and every transcript line and clock tick formats a time. */
const formatters = new Map<string, Intl.DateTimeFormat>();

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The virtual clock as people read it: a weekday, date and time in the workspace's time zone
 * ("Tue 6 Jan, 09:00:00", as `Intl.DateTimeFormat('en-GB')` writes it). In UTC, the zone of
 * every example, it is written here: the first formatter with a time zone loads ICU's zone data,
 * 20–45 ms in Chromium, on the simulator's first screen.
 */
export function formatVirtualTime(epochMs: number, timeZone: string): string {
  if (timeZone === 'UTC' && Number.isFinite(epochMs)) {
    const date = new Date(epochMs);
    if (!Number.isNaN(date.getTime())) {
      const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
      return `${WEEKDAYS[date.getUTCDay()] as string} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] as string}, ${time}`;
    }
  }
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

/**
 * The trace's names, with the instants inside a sentence ("may start again from …") written as
 * the clock beside each transcript line writes them, not as offsets from the start.
 */
export function withClockTimes(names: TraceNames, startEpochMs: number, timeZone: string): TraceNames {
  return { ...names, time: (t) => formatVirtualTime(startEpochMs + t, timeZone) };
}
