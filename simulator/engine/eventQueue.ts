/** Queue classes: at one instant, external events run before timers (SPEC §2 rule 4). */
export const EXTERNAL = 0;
export const TIMER = 1;

const CLASS_WEIGHT = 2 ** 42;

/**
 * The simulation's event queue: a binary min-heap over parallel typed arrays, ordered by
 * (time, class, sequence) where class puts external events before timers due at the same instant
 * and sequence keeps insertion order. Each entry carries two integers of payload.
 *
 * `pop()` writes the entry into the `top*` fields instead of returning an object, so the engine's
 * hot loop allocates nothing per event.
 */
export class EventQueue {
  size = 0;
  topTime = 0;
  topClass = 0;
  topA = 0;
  topB = 0;
  private time: Float64Array;
  private order: Float64Array;
  private a: Int32Array;
  private b: Int32Array;
  private sequence = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  /** When the earliest entry is due, or `Infinity` when the queue is empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : (this.time[0] as number);
  }

  push(time: number, queueClass: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    const order = queueClass * CLASS_WEIGHT + this.sequence++;
    const { time: times, order: orders, a: as, b: bs } = this;
    let i = this.size++;
    // Sift the hole up, moving parents down, then write the new entry once.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (orders[parent] as number) < order)) break;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      as[i] = as[parent] as number;
      bs[i] = bs[parent] as number;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    as[i] = a;
    bs[i] = b;
  }

  /** Removes the earliest entry into `topTime`, `topClass`, `topA`, `topB`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const { time: times, order: orders, a: as, b: bs } = this;
    this.topTime = times[0] as number;
    this.topClass = (orders[0] as number) >= CLASS_WEIGHT ? TIMER : EXTERNAL;
    this.topA = as[0] as number;
    this.topB = bs[0] as number;
    const last = --this.size;
    if (last === 0) return true;
    const time = times[last] as number;
    const order = orders[last] as number;
    const a = as[last] as number;
    const b = bs[last] as number;
    let i = 0;
    const half = last >> 1;
    // Sift the hole down from the root, pulling the smaller child up.
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < last) {
        const ct = times[child] as number;
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (orders[right] as number) < (orders[child] as number))) child = right;
      }
      const ct = times[child] as number;
      if (time < ct || (time === ct && order < (orders[child] as number))) break;
      times[i] = ct;
      orders[i] = orders[child] as number;
      as[i] = as[child] as number;
      bs[i] = bs[child] as number;
      i = child;
    }
    times[i] = time;
    orders[i] = order;
    as[i] = a;
    bs[i] = b;
    return true;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const grow64 = (from: Float64Array) => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    const grow32 = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.time = grow64(this.time);
    this.order = grow64(this.order);
    this.a = grow32(this.a);
    this.b = grow32(this.b);
  }
}
