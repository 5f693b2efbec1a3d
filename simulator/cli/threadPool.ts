import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { Simulation, type SimulationInput } from '../engine/simulation.ts';
import { contactCountOf, contactShares } from '../engine/pool/contactShares.ts';
import { canSplit, mergeParts } from '../engine/pool/mergeParts.ts';
import type { PoolPart } from '../engine/pool/poolPart.ts';
import type { ShareTask } from '../engine/pool/playShare.ts';
import { poolThreadScript } from './poolThreadScript.ts';

/** How a pooled simulation was played: by `threads` threads, or whole on this one and why. */
export type PoolPlay = { readonly threads: number } | { readonly threads: 1; readonly whole: 'publish' | 'trace_limit' | 'one_share' };

/**
 * Plays a simulation over up to `workers` worker threads, each a consecutive share of the
 * contacts, and merges their parts (see mergeParts): the same trace, runs and counts as
 * `new Simulation(input).runToEnd()`. Synchronous: the calling thread blocks until every share is
 * played (the command line has nothing else to do meanwhile). A script with a publish, or one
 * whose trace would reach the cap, plays on this thread.
 */
export function playInThreads(input: SimulationInput, workers: number): { simulation: Simulation; play: PoolPlay } {
  const count = contactCountOf(input.script);
  const shares = contactShares(count, workers);
  if (shares.length < 2) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'one_share' } };
  if (!canSplit(input)) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'publish' } };
  const parts = playParts(
    input,
    shares.map((share) => ({ from: share.indexOf(1), to: share.lastIndexOf(1) + 1 })),
    count,
  );
  const merged = mergeParts(input, parts);
  if (merged === null) return { simulation: new Simulation(input).runToEnd(), play: { threads: 1, whole: 'trace_limit' } };
  return { simulation: merged, play: { threads: shares.length } };
}

/** Each range of contacts played on a thread of its own; the parts, in range order. */
function playParts(input: SimulationInput, ranges: readonly { from: number; to: number }[], contactCount: number): PoolPart[] {
  const done = new Int32Array(new SharedArrayBuffer(4 * ranges.length));
  const script = poolThreadScript();
  const threads: { worker: Worker; port: MessagePort }[] = [];
  try {
    for (const [index, { from, to }] of ranges.entries()) {
      const { port1, port2 } = new MessageChannel();
      const task: ShareTask = { input, contactCount, from, to };
      const options = { workerData: { task, port: port2, done, index }, transferList: [port2] };
      const worker = script === null ? new Worker(new URL('./poolWorker.mjs', import.meta.url), options) : new Worker(script, { ...options, eval: true });
      threads.push({ worker, port: port1 });
    }
    return threads.map(({ port }, index) => {
      while (Atomics.load(done, index) === 0) Atomics.wait(done, index, 0);
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
