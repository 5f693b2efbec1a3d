const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far the wall clock of `timeZone` is ahead of UTC at the instant `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The weekday (0 = Sunday) and minute of the day the wall clock of `timeZone` shows at `ms`. */
export function wallClock(ms: number, timeZone: string): { weekday: number; minutes: number } {
  const wall = new Date(ms + zoneOffset(ms, timeZone));
  return { weekday: wall.getUTCDay(), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/**
 * The first instant strictly after `ms` at which the wall clock of `timeZone` shows `minutesOfDay`.
 * On the night clocks go back a wall time happens twice: the first is taken. On the night they go
 * forward a wall time may not happen at all: then the instant the same distance from midnight in
 * the offset before the change is taken (02:30 → 03:30 in Europe/Berlin), as calendars do.
 */
export function nextTimeOfDay(ms: number, minutesOfDay: number, timeZone: string): number {
  const wallNow = ms + zoneOffset(ms, timeZone);
  let wall = Math.floor(wallNow / DAY_MS) * DAY_MS + minutesOfDay * MINUTE_MS;
  for (let attempt = 0; attempt < 3; attempt++) {
    // The offsets in force half a day before and after the wall time: a change happens between them.
    const before = wall - zoneOffset(wall - DAY_MS / 2, timeZone);
    const after = wall - zoneOffset(wall + DAY_MS / 2, timeZone);
    if (before === after) {
      // No change of offset near this day (nearly always): one instant shows the wall time.
      if (before > ms) return before;
    } else {
      const shows = (instant: number) => instant + zoneOffset(instant, timeZone) === wall;
      // Doubled (clocks go back): both show it, the earlier first. Missing (clocks go forward): neither, and the instant in the offset before stands in.
      const candidates = [before, after].filter(shows).sort((a, b) => a - b);
      for (const instant of candidates.length > 0 ? candidates : [before]) if (instant > ms) return instant;
    }
    wall += DAY_MS;
  }
  return ms + DAY_MS;
}
