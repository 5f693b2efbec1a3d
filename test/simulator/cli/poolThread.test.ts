import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { guardedThreadScript, poolThreadScript } from '../../../simulator/cli/poolThreadScript.ts';

/** Starts a pool thread on `task` and waits (boundedly: a test must fail, not hang) for its answer, as threadPool.ts does. */
function answerOf(start: (options: { workerData: unknown; transferList: MessageChannel['port2'][] }) => Worker, task: unknown): { part?: unknown; error?: string } {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = start({ workerData: { task, port: port2, done, index: 0 }, transferList: [port2] });
  try {
    Atomics.wait(done, 0, 0, 30_000);
    expect(Atomics.load(done, 0)).toBe(1);
    return receiveMessageOnPort(port1)?.message as { part?: unknown; error?: string };
  } finally {
    port1.close();
    void worker.terminate();
  }
}

describe('a thread of the pool', () => {
  it('is bundled into one script, and reports a task it cannot play instead of hanging', () => {
    const script = poolThreadScript();
    expect(script).not.toBeNull();
    const answer = answerOf((options) => new Worker(script as string, { ...options, eval: true }), { input: null, contactCount: 1, from: 0, to: 1 });
    expect(answer.part).toBeUndefined();
    expect(answer.error).toMatch(/TypeError/);
  });

  it('reports an error thrown while its script loads, before it could play anything, instead of hanging', () => {
    const script = guardedThreadScript('"use strict";\nconst broken = require("no-such-module-anywhere");');
    const answer = answerOf((options) => new Worker(script, { ...options, eval: true }), null);
    expect(answer.error).toMatch(/no-such-module-anywhere/);
  });

  it('loads through tsx when there is no bundle, and reports the same way', () => {
    const answer = answerOf((options) => new Worker(new URL('../../../simulator/cli/poolWorker.mjs', import.meta.url), options), null);
    expect(answer.part).toBeUndefined();
    expect(answer.error).toMatch(/TypeError/);
  });
});
