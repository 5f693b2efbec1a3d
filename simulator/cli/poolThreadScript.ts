import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let script: string | null | undefined;

/**
 * The pool's thread (poolThread.ts and the engine it plays) as one CommonJS script, bundled by
 * esbuild once per process, for `new Worker(script, { eval: true })`: a thread then starts in
 * tens of ms, where loading the TypeScript through tsx took half a second per thread. Null when
 * it cannot be bundled (the caller then starts poolWorker.mjs, which goes through tsx).
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
    script = built.outputFiles[0]?.text ?? null;
  } catch {
    script = null;
  }
  return script;
}
