import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { poolThreadScript } from '../../../simulator/cli/poolThreadScript.ts';

/** Starts a pool thread on `task` and waits for its answer, as threadPool.ts does. */
function answerOf(start: (options: { workerData: unknown; transferList: MessageChannel['port2'][] }) => Worker, task: unknown): { part?: unknown; error?: string } {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = start({ workerData: { task, port: port2, done, index: 0 }, transferList: [port2] });
  try {
    while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, 60_000);
    return receiveMessageOnPort(port1)?.message as { part?: unknown; error?: string };
  } finally {
    port1.close();
    void worker.terminate();
  }
}

describe('a thread of the pool', () => {
  it('is bundled into one script once per process, and reports a task it cannot play instead of hanging', () => {
    const script = poolThreadScript();
    expect(script).not.toBeNull();
    expect(poolThreadScript()).toBe(script);
    const answer = answerOf((options) => new Worker(script as string, { ...options, eval: true }), { input: null, contactCount: 1, from: 0, to: 1 });
    expect(answer.part).toBeUndefined();
    expect(answer.error).toMatch(/TypeError/);
  });

  it('loads through tsx when there is no bundle, and reports the same way', () => {
    const answer = answerOf((options) => new Worker(new URL('../../../simulator/cli/poolWorker.mjs', import.meta.url), options), null);
    expect(answer.part).toBeUndefined();
    expect(answer.error).toMatch(/TypeError/);
  });
});
