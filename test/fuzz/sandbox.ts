import { Worker } from 'node:worker_threads';
import type { Verdict } from './checks.ts';
import type { PropertyName } from './profile.ts';
import type { SandboxReply } from './sandboxEntry.ts';

/**
 * A thread that checks cases and can be killed: a case that does not answer within `caseMs` (a
 * synchronous loop in the engine cannot be interrupted from inside) is a failure, "finishes within
 * the watchdog", and the thread is replaced. Its heap is capped too, so a runaway allocation fails
 * the case instead of the machine.
 */
export class Sandbox {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;
  private pending: { id: number; resolve: (verdict: Verdict) => void } | null = null;

  constructor(
    private readonly caseMs: number,
    private readonly heapMb = 2048,
  ) {}

  private spawn(): Promise<void> {
    const worker = new Worker(new URL('./sandboxWorker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.heapMb }, stdout: true, stderr: true });
    this.worker = worker;
    // The code under test may print (a warning); it is not the test's output.
    worker.stdout.resume();
    worker.stderr.resume();
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (reply: SandboxReply) => {
        if ('ready' in reply) return resolve();
        if (this.pending && this.pending.id === reply.id) {
          const { resolve: answer } = this.pending;
          this.pending = null;
          answer(reply.verdict);
        }
      });
      worker.on('error', (error) => {
        reject(error);
        this.fail(worker, 'the sandbox survives the case', `${error.name}: ${error.message}`);
      });
      worker.on('exit', (code) => this.fail(worker, 'the sandbox survives the case', `the thread exited with code ${code}`));
    });
    return this.ready;
  }

  /** The thread died (out of memory, an error outside any check): the case it was on fails. */
  private fail(worker: Worker, invariant: string, detail: string): void {
    if (this.worker !== worker) return;
    const pending = this.pending;
    this.pending = null;
    this.worker = null;
    pending?.resolve({ ok: false, invariant, detail });
  }

  /** The case in the thread now: the next waits for it (fast-check may give up on a case that the thread still runs). */
  private queue: Promise<unknown> = Promise.resolve();

  /** Checks one case, after the one before; resolves with its verdict, never rejects. */
  run(kind: PropertyName, input: unknown): Promise<Verdict> {
    const verdict = this.queue.then(() => this.runNow(kind, input));
    this.queue = verdict;
    return verdict;
  }

  private async runNow(kind: PropertyName, input: unknown): Promise<Verdict> {
    if (!this.worker) await this.spawn();
    else await this.ready;
    const worker = this.worker as Worker;
    const id = this.nextId++;
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = null;
        this.worker = null;
        void worker.terminate();
        resolve({ ok: false, invariant: 'finishes within the watchdog', detail: `no answer within ${this.caseMs} ms` });
      }, this.caseMs);
      this.pending = {
        id,
        resolve: (verdict) => {
          clearTimeout(timer);
          resolve(verdict);
        },
      };
      worker.postMessage({ id, kind, input });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.pending = null;
    await worker?.terminate();
  }
}
