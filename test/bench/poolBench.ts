import { playInThreads } from '../../simulator/cli/threadPool.ts';
import { hashTrace } from '../../simulator/engine/traceHash.ts';
import { nowMs } from './measure.ts';
import type { Workload } from './workload.ts';

/** One pooled run: `--workers N` on the workload, timed from the input to the merged simulation. */
export interface PoolFigures {
  readonly workers: number;
  /** Threads used (1: the plain engine on this thread). */
  readonly threads: number;
  readonly events: number;
  readonly traceEntries: number;
  readonly ms: number;
  readonly eventsPerSec: number;
  /** The merged trace's hash: the same for every `workers` when the split is right. */
  readonly traceHash: string;
}

/**
 * The workload played as `npm run simulate -- … --workers N` plays it, for each N: split by
 * contact over N worker threads (starting them, each playing its share, sending its part back)
 * and merged; N = 1 is the plain engine. Wall-clock time, the figure a user waits for; the trace
 * hash is taken afterwards, untimed. Each N runs `repeats` times and the fastest is kept (the
 * machine is shared: the fastest is the least disturbed).
 */
export function benchPool(workload: Workload, workers: readonly number[] = [1, 2], repeats = 3): PoolFigures[] {
  const input = { workflows: [workload.workflow], script: workload.script, until: workload.until };
  return workers.map((n) => {
    let best: PoolFigures | undefined;
    for (let i = 0; i < repeats; i++) {
      const t0 = nowMs();
      const { simulation, play } = playInThreads(input, n);
      const ms = nowMs() - t0;
      const traceHash = best?.traceHash ?? hashTrace(simulation);
      if (best !== undefined && ms >= best.ms) continue;
      const events = simulation.eventsProcessed;
      best = { workers: n, threads: play.threads, events, traceEntries: simulation.trace.length, ms, eventsPerSec: (events / ms) * 1000, traceHash };
    }
    return best as PoolFigures;
  });
}
