import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../../simulator/worker.ts';

/** The engine's Web Worker, wrapped: its API, and a way to call it that fails when the worker does. */
export interface EngineWorker {
  readonly api: Remote<WorkerApi>;
  /** Resolves with the answer, or rejects with a readable error if the worker dies or cannot start. */
  call(work: Promise<unknown>): Promise<unknown>;
  terminate(): void;
}

/** Starts a worker of its own (each screen's session runs in one); `terminate` ends it. */
export function startEngineWorker(name: string): EngineWorker {
  const worker = new Worker(new URL('../../simulator/worker.ts', import.meta.url), { type: 'module', name });
  const failure = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`The simulator stopped working: ${event.message || 'its worker could not start'}`)));
  });
  // Unhandled until a call races it.
  failure.catch(() => undefined);
  return {
    api: wrap<WorkerApi>(worker),
    call: (work) => Promise.race([work, failure]),
    terminate: () => worker.terminate(),
  };
}
