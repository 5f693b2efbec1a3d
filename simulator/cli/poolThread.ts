import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { playShare, type ShareTask } from '../engine/pool/playShare.ts';

// A thread of the pool (see threadPool.ts): plays its share and sends the part back through
// `port`, then raises its flag in `done`, whatever happens — the main thread waits on that flag.
// While playing it counts up its place in `beats`: a thread that died (out of memory, killed)
// raises no flag, and the main thread tells that from a slow one by the count standing still.
const { task, port, done, beats, index } = workerData as { task: ShareTask; port: MessagePort; done: Int32Array; beats?: Int32Array; index: number };
try {
  const { part, transfer } = playShare(task, () => {
    if (beats) Atomics.add(beats, index, 1);
  });
  port.postMessage({ part }, transfer);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  Atomics.store(done, index, 1);
  Atomics.notify(done, index);
}
