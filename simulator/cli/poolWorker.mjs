// A thread of the pool (see threadPool.ts): plays its share and sends the part back through
// `port`, then raises its flag in `done`, whatever happens — the main thread waits on that flag.
// Plain JavaScript, so that a failure to load the TypeScript is caught and reported like any other.
import { workerData } from 'node:worker_threads';

const { task, port, done, index } = workerData;
try {
  const { tsImport } = await import('tsx/esm/api');
  const { playShare } = await tsImport('../engine/pool/playShare.ts', import.meta.url);
  const { part, transfer } = playShare(task);
  port.postMessage({ part }, transfer);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  Atomics.store(done, index, 1);
  Atomics.notify(done, index);
}
