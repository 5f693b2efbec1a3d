import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let script: string | null | undefined;

/**
 * The pool's thread (poolThread.ts and the engine it plays) as one CommonJS script, bundled by
 * esbuild once per process, for `new Worker(script, { eval: true })`: a thread then starts in
 * tens of ms, where loading the TypeScript through tsx took half a second per thread. Null when
 * it cannot be bundled (the caller then starts poolWorker.mjs, which goes through tsx), said on
 * stderr.
 */
export function poolThreadScript(): string | null {
  if (script !== undefined) return script;
  try {
    const built = buildSync({
      entryPoints: [fileURLToPath(new URL('./poolThread.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const text = built.outputFiles[0]?.text;
    script = text === undefined ? null : guardedThreadScript(text);
  } catch (error) {
    process.stderr.write(`The pool's threads load through tsx (slower to start): bundling them failed: ${error instanceof Error ? error.message : String(error)}\n`);
    script = null;
  }
  return script;
}

/**
 * `code` (a pool thread's CommonJS) run so that an error while it loads — before poolThread's
 * own try, which only covers playing — is still sent back and the thread's flag in `done`
 * raised: the main thread blocks on that flag and would otherwise wait for ever.
 */
export function guardedThreadScript(code: string): string {
  return `try {
(function () {
${code}
})();
} catch (error) {
  const { workerData } = require('node:worker_threads');
  workerData.port.postMessage({ error: error instanceof Error ? (error.stack || error.message) : String(error) });
  Atomics.store(workerData.done, workerData.index, 1);
  Atomics.notify(workerData.done, workerData.index);
}
`;
}
