import type { TimelineMark } from '../../../../simulator/schema/playback.ts';

/** The instant of the last event mark before `now` (the scrubber's marks), or the start when there is none. */
export function previousEventInstant(marks: readonly TimelineMark[], now: number): number {
  let previous = 0;
  for (const mark of marks) if (mark.t < now && mark.t > previous) previous = mark.t;
  return previous;
}

/** Whether the engine marked a run stopping at instant `t`. */
export function stopsAt(marks: readonly TimelineMark[], t: number): boolean {
  return marks.some((mark) => mark.kind === 'stop' && mark.t === t);
}

/** Auto's paces: wall-clock time per event. */
export const AUTO_PACES_MS: readonly number[] = [1000, 2000, 4000];
