// The pool's thread when its bundle cannot be made (see poolThreadScript.ts): loads poolThread.ts
// through tsx. Plain JavaScript, so that a failure to load the TypeScript is caught and reported
// like any other, and the main thread, waiting on the flag in `done`, is woken.
import { workerData } from 'node:worker_threads';

try {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./poolThread.ts', import.meta.url);
} catch (error) {
  const { port, done, index } = workerData;
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  Atomics.store(done, index, 1);
  Atomics.notify(done, index);
}
