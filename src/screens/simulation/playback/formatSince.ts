import { formatSpan } from '../../../common/virtualTime.ts';

/**
 * Virtual time since the simulation started, as the timeline reads it, to the minute above a minute:
 * `formatSince(0)` → `+0`, `+45m`, `+3h`, `+3h5m`, `+1d2h`, `+2d` (and `+30s` in the first minute).
 */
export function formatSince(ms: number): string {
  return ms < 1000 ? '+0' : `+${formatSpan(ms)}`;
}
