/** Timing and heap helpers for the benchmark (run with `node --expose-gc`). */

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage thoroughly (several passes, so weak and finalised objects go too). */
export function collectGarbage(): void {
  if (!gc) throw new Error('Run the benchmark with node --expose-gc (npm run bench)');
  for (let i = 0; i < 3; i++) gc();
}

/** Live heap: JS heap plus typed-array backing stores (which live outside it). */
export function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const kept = new Map<string, unknown>();

/**
 * Keeps the latest finished run of a benchmark alive until the next one replaces it, as the app's
 * worker keeps its current simulation. V8 holds the hidden classes of an object layout only
 * weakly once no object uses it: if nothing of the last run survived the full GCs between timed
 * runs, every optimised function that checks those classes would be thrown away ("deoptimization,
 * reason: weak objects") and each timed run would pay for compiling the code again.
 */
export function keepAlive(slot: string, value: unknown): void {
  kept.set(slot, value);
}

/** Lets the kept run go (to measure a cold start). */
export function release(slot: string): void {
  kept.delete(slot);
}

export function nowMs(): number {
  return performance.now();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds for printing: integers stay integers, the rest keep `digits` significant digits. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 10 ** digits) return Math.round(value);
  return Number(value.toPrecision(digits));
}

/** What every timed line reports. */
export interface BenchFigures {
  readonly contacts: number;
  /** Queue entries that did something: script events delivered and timers that expired. */
  readonly events: number;
  readonly traceEntries: number;
  /** Wall time of the timed region (setup + run), ms. */
  readonly ms: number;
  readonly eventsPerSec: number;
  readonly traceEntriesPerSec: number;
  /** Heap growth while holding the finished result, per contact. */
  readonly bytesPerContact: number;
  readonly traceBytesPerContact: number;
}

/** The median run by time, with memory figures taken as medians too. */
export function medianFigures<T extends BenchFigures>(runs: readonly T[]): T {
  const byTime = [...runs].sort((x, y) => x.ms - y.ms);
  const mid = byTime[byTime.length >> 1] as T;
  return {
    ...mid,
    bytesPerContact: median(runs.map((r) => r.bytesPerContact)),
    traceBytesPerContact: median(runs.map((r) => r.traceBytesPerContact)),
  };
}
