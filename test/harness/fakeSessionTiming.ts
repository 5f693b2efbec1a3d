import type { SessionTiming, TickSchedule } from '../../src/engine/sessionTiming.ts';

/** Lets every answer already given reach its subscribers (they resolve in microtasks). */
export const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A session controller's clock and ticks, moved by the test: `frame(ms)` lets `ms` of wall time
 * pass and then ticks once, as an animation frame or a timer would; nothing happens in between.
 */
export class FakeSessionTiming implements SessionTiming {
  time = 0;
  readonly clock = { now: () => this.time };
  readonly #scheduled = new Set<{ readonly tick: (now: number) => void }>();

  readonly ticks: TickSchedule = (tick) => {
    const entry = { tick };
    this.#scheduled.add(entry);
    return () => this.#scheduled.delete(entry);
  };

  /** Ticks waiting to be called (0: nothing is playing). */
  get scheduled(): number {
    return this.#scheduled.size;
  }

  frame(ms: number): void {
    this.time += ms;
    for (const entry of [...this.#scheduled]) entry.tick(this.time);
  }

  /** `count` frames of `ms` each, the worker's answers reaching subscribers between them (60 frames of 1000 / 60 ms: a second). */
  async frames(count: number, ms = 1000 / 60): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.frame(ms);
      await settled();
    }
  }
}
