import type { StepRecorder } from '../simulation.ts';

/**
 * What a simulation told its recorder, kept in growable typed arrays: per entry processed, its
 * time, order key, payload, first trace row and first push sequence (see StepRecorder).
 */
export class StepLog implements StepRecorder {
  count = 0;
  time = new Float64Array(1024);
  order = new Float64Array(1024);
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  firstRow = new Float64Array(1024);
  firstPush = new Float64Array(1024);

  step(time: number, order: number, a: number, b: number, firstRow: number, firstPush: number): void {
    const k = this.count++;
    if (k === this.time.length) this.grow();
    this.time[k] = time;
    this.order[k] = order;
    this.a[k] = a;
    this.b[k] = b;
    this.firstRow[k] = firstRow;
    this.firstPush[k] = firstPush;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const bigger = <T extends Float64Array | Int32Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    this.time = bigger(this.time, (n) => new Float64Array(n));
    this.order = bigger(this.order, (n) => new Float64Array(n));
    this.a = bigger(this.a, (n) => new Int32Array(n));
    this.b = bigger(this.b, (n) => new Int32Array(n));
    this.firstRow = bigger(this.firstRow, (n) => new Float64Array(n));
    this.firstPush = bigger(this.firstPush, (n) => new Float64Array(n));
  }
}
