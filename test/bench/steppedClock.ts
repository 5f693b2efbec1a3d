import { SimulatedClock } from 'xstate';

/**
 * One actor's clock: an XState `SimulatedClock` driven timer by timer, observed so the driver
 * knows what is pending. Two measured limits of `SimulatedClock` shape it: a clock shared by
 * thousands of actors overflows the stack in `flushTimeouts`, and a timer set during a long
 * `increment` does not fire within it — so each actor gets its own clock, and `advanceTo` moves
 * it to one due time after another.
 *
 * Rule 4 of a stop (external events before timers due at the same instant) is kept by holding
 * timers that fall due exactly when the clock arrives at an event's instant: they fire when time
 * next moves on, unless the event cancelled them first.
 */
export class SteppedClock {
  readonly sim = new SimulatedClock();
  /** Timers fired so far. */
  fired = 0;
  /** Timers the simulated clock still holds: id → due time. */
  private readonly pending = new Map<number, number>();
  /** Timers due at the current instant, held until the external events of the instant are in. */
  private readonly held = new Map<number, () => void>();
  private holding = false;

  now(): number {
    return this.sim.now();
  }

  setTimeout(fn: () => void, timeout: number): number {
    const due = this.sim.now() + timeout;
    const id = this.sim.setTimeout(() => this.expire(id, fn), timeout);
    this.pending.set(id, due);
    return id;
  }

  clearTimeout(id: number): void {
    this.pending.delete(id);
    this.held.delete(id);
    this.sim.clearTimeout(id);
  }

  /**
   * Fires every timer due before `time` (also at `time` when `inclusive`), one due time after
   * another so timers set while firing are seen, then sets the clock to `time`.
   */
  advanceTo(time: number, inclusive: boolean): void {
    if (time > this.sim.now() || inclusive) this.releaseHeld();
    for (;;) {
      let next = Infinity;
      for (const due of this.pending.values()) if (due < next) next = due;
      if (next > time || (next === time && !inclusive)) break;
      this.sim.set(next);
      this.releaseHeld();
    }
    if (time > this.sim.now()) {
      this.holding = true;
      this.sim.set(time);
      this.holding = false;
    }
  }

  private expire(id: number, fn: () => void): void {
    if (!this.pending.delete(id)) return;
    if (this.holding) {
      this.held.set(id, fn);
      return;
    }
    this.fired++;
    fn();
  }

  private releaseHeld(): void {
    if (this.held.size === 0) return;
    for (const [id, fn] of [...this.held]) {
      if (!this.held.delete(id)) continue;
      this.fired++;
      fn();
    }
  }
}
