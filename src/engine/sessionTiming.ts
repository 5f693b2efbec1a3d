/** Wall-clock time in ms, never going back: `performance.now` in the browser, a fake in tests. */
export interface SessionClock {
  now(): number;
}

/**
 * Calls `tick` again and again, each time with the time on the session's clock, until the function
 * it returns is called.
 */
export type TickSchedule = (tick: (now: number) => void) => () => void;

/** What a session controller reads the time from and is woken by. */
export interface SessionTiming {
  readonly clock: SessionClock;
  readonly ticks: TickSchedule;
}

const performanceClock: SessionClock = { now: () => performance.now() };

/**
 * A tick per animation frame, with the frame's timestamp: none while the tab is hidden, so a
 * session played this way asks for the whole gap at once when the tab shows again.
 */
export const animationFrameTiming: SessionTiming = {
  clock: performanceClock,
  ticks(tick) {
    let frame = requestAnimationFrame(function next(now) {
      frame = requestAnimationFrame(next);
      tick(now);
    });
    return () => cancelAnimationFrame(frame);
  },
};

/** A tick every `ms` of wall time (fewer when the browser throttles a background tab). */
export function intervalTiming(ms: number): SessionTiming {
  return {
    clock: performanceClock,
    ticks(tick) {
      const timer = setInterval(() => tick(performanceClock.now()), ms);
      return () => clearInterval(timer);
    },
  };
}
