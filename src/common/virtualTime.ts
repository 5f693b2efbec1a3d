/** The virtual clock as people read it: a weekday, date and time in the workspace's time zone. */
export function formatVirtualTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(epochMs);
}

/** A span of virtual time, roughly, for "due in" and "since": `3d 4h`, `23h 59m`, `5m`, `now`. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  if (rest > 0) return `${rest}m`;
  return ms >= 1000 ? `${Math.floor(ms / 1000)}s` : 'now';
}
