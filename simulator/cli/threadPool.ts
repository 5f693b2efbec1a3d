import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { Simulation, type SimulationInput } from '../engine/simulation.ts';
import { contactCountOf, contactShares } from '../engine/pool/contactShares.ts';
import { canSplit, mergeParts } from '../engine/pool/mergeParts.ts';
import type { PoolPart } from '../engine/pool/poolPart.ts';
import type { ShareTask } from '../engine/pool/playShare.ts';
import { poolThreadScript } from './poolThreadScript.ts';

/** How long a thread may go without playing on (see poolThread.ts) before it is taken for dead. */
export const SILENT_THREAD_MS = 60_000;

export interface PoolOptions {
  /** See SILENT_THREAD_MS. */
  readonly silentMs?: number;
  /** Each thread's memory limits (Node's defaults when not given). */
  readonly resourceLimits?: ResourceLimits;
}

/** How a pooled simulation was played: by `threads` threads, or whole on this one and why. */
export type PoolPlay = { readonly threads: number } | { readonly threads: 1; readonly whole: 'publish' | 'trace_limit' | 'one_share' };

/**
 * Plays a simulation over up to `workers` worker threads, each a consecutive share of the
 * contacts, and merges their parts (see mergeParts): the same trace, runs and counts as
 * `new Simulation(input).runToEnd()`. Synchronous: the calling thread blocks until every share is
 * played (the command line has nothing else to do meanwhile). A script with a publish, or one
 * whose trace would reach the cap, plays on this thread.
 */
export function playInThreads(input: SimulationInput, workers: number, options: PoolOptions = {}): { simulation: Simulation; play: PoolPlay } {
  const count = contactCountOf(input.script);
  const shares = contactShares(count, workers);
  if (shares.length < 2) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'one_share' } };
  if (!canSplit(input)) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'publish' } };
  const parts = playParts(
    input,
    shares.map((share) => ({ from: share.indexOf(1), to: share.lastIndexOf(1) + 1 })),
    count,
    options,
  );
  const merged = mergeParts(input, parts);
  if (merged === null) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'trace_limit' } };
  return { simulation: merged, play: { threads: shares.length } };
}

/** Each range of contacts played on a thread of its own; the parts, in range order. */
function playParts(input: SimulationInput, ranges: readonly { from: number; to: number }[], contactCount: number, options: PoolOptions): PoolPart[] {
  const done = new Int32Array(new SharedArrayBuffer(4 * ranges.length));
  const beats = new Int32Array(new SharedArrayBuffer(4 * ranges.length));
  const silentMs = options.silentMs ?? SILENT_THREAD_MS;
  const script = poolThreadScript();
  const threads: { worker: Worker; port: MessagePort }[] = [];
  try {
    for (const [index, { from, to }] of ranges.entries()) {
      const { port1, port2 } = new MessageChannel();
      const task: ShareTask = { input, contactCount, from, to };
      const start = { workerData: { task, port: port2, done, beats, index }, transferList: [port2], ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) };
      const worker = script === null ? new Worker(new URL('./poolWorker.mjs', import.meta.url), start) : new Worker(script, { ...start, eval: true });
      // Its failures reach this thread through `port` or its beats standing still; the error event
      // comes once this thread is free again, and unheard it would end the process.
      worker.on('error', () => undefined);
      threads.push({ worker, port: port1 });
    }
    return threads.map(({ port }, index) => {
      // Blocking, so the thread's exit event cannot be heard: a thread that died is told by its beats standing still.
      let beat = Atomics.load(beats, index);
      let quietSince = performance.now();
      while (Atomics.load(done, index) === 0) {
        Atomics.wait(done, index, 0, Math.min(1_000, silentMs));
        const now = performance.now();
        if (Atomics.load(beats, index) !== beat) {
          beat = Atomics.load(beats, index);
          quietSince = now;
        } else if (Atomics.load(done, index) === 0 && now - quietSince >= silentMs)
          throw new Error(
            `A worker thread stopped playing (nothing for ${Math.round(silentMs / 1000)} s): it may have run out of memory. Play with fewer --workers, or fewer contacts`,
          );
      }
      const message = receiveMessageOnPort(port)?.message as { part?: PoolPart; error?: string } | undefined;
      if (message?.part === undefined) throw new Error(`A worker thread failed: ${message?.error ?? 'it sent nothing back'}`);
      return message.part;
    });
  } finally {
    for (const { worker, port } of threads) {
      port.close();
      void worker.terminate();
    }
  }
}
