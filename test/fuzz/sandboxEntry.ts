import { parentPort } from 'node:worker_threads';
import { checkCli, checkCompare, checkEngine, checkLive, checkPlayback, guarded, type Verdict } from './checks.ts';

/** One case to check in the sandbox thread. */
export type SandboxRequest = { readonly id: number; readonly kind: 'engine' | 'live' | 'playback' | 'compare' | 'cli'; readonly input: never };
export type SandboxReply = { readonly id: number; readonly verdict: Verdict; readonly ms: number } | { readonly ready: true };

const port = parentPort;
if (!port) throw new Error('sandboxEntry runs in a worker thread');

const CHECKS = { engine: checkEngine, live: checkLive, playback: checkPlayback, compare: checkCompare, cli: checkCli } as const;

port.on('message', (request: SandboxRequest) => {
  const started = performance.now();
  void guarded(() => CHECKS[request.kind](request.input)).then((verdict) => {
    port.postMessage({ id: request.id, verdict, ms: performance.now() - started } satisfies SandboxReply);
  });
});
port.postMessage({ ready: true } satisfies SandboxReply);
