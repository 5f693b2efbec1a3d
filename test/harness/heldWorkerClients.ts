import type { LiveCommand } from '../../simulator/engine/liveSession.ts';
import type { LivePublish, LiveResult, LiveStart } from '../../simulator/schema/live.ts';
import type { PlaybackLoad } from '../../simulator/schema/playback.ts';
import { LiveSessionService } from '../../simulator/service/liveSessionService.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import type { LiveSessionClient } from '../../src/engine/liveSessionClient.ts';
import type { PlaybackClient } from '../../src/engine/playbackClient.ts';

/**
 * The engine's worker as a client sees it, in the test's hands: each request is answered by the
 * real service at once, in the order it came (as the worker works through its messages), but the
 * answer is handed back only when the test lets it — so a test can keep a worker slow, answer out
 * of order, or fail a request, and see how many requests were out at once.
 */
export class HeldAnswers {
  /** While true, answers wait for `release`; otherwise they come back on the next microtask. */
  holding = false;
  /** Each request as `name argument`, in the order sent. */
  readonly sent: string[] = [];
  /** Requests out now, and the most that were out at once. */
  out = 0;
  mostOut = 0;
  readonly #held: Array<() => void> = [];
  #failure: { readonly error: unknown } | null = null;

  answer<T>(request: string, work: () => T): Promise<T> {
    this.sent.push(request);
    this.out++;
    this.mostOut = Math.max(this.mostOut, this.out);
    const failure = this.#failure;
    this.#failure = null;
    // Structured-cloned, as comlink hands answers over.
    const value = failure ? null : structuredClone(work());
    return new Promise<T>((resolve, reject) => {
      const deliver = () => {
        this.out--;
        if (failure) reject(failure.error as Error);
        else resolve(value as T);
      };
      if (this.holding) this.#held.push(deliver);
      else queueMicrotask(deliver);
    });
  }

  /** The next request fails with `error`, as a call to a worker that died does. */
  failNext(error: unknown): void {
    this.#failure = { error };
  }

  get held(): number {
    return this.#held.length;
  }

  /** Hands back the oldest answer held, or the newest (a worker answering out of order). */
  release(which: 'oldest' | 'newest' = 'oldest'): void {
    const deliver = which === 'oldest' ? this.#held.shift() : this.#held.pop();
    if (!deliver) throw new Error('no answer is held');
    deliver();
  }
}

const notHere = (): Promise<never> => Promise.reject(new Error('not served by this fake'));

/** A `PlaybackClient` over an in-process `PlaybackService`, its answers held by `answers`. */
export function heldPlaybackClient(answers = new HeldAnswers()): PlaybackClient & { readonly answers: HeldAnswers; readonly service: PlaybackService } {
  const service = new PlaybackService();
  return {
    answers,
    service,
    load: (input: PlaybackLoad) => answers.answer('load', () => service.load(input)),
    reload: (input: PlaybackLoad) => answers.answer('reload', () => service.reload(input)),
    advance: (ms) => answers.answer(`advance ${ms}`, () => service.advance(ms)),
    seek: (t, options) => answers.answer(`seek ${t}`, () => service.seek(t, options)),
    step: () => answers.answer('step', () => service.step()),
    nextEvent: () => answers.answer('nextEvent', () => service.nextEvent()),
    runToEnd: () => answers.answer('runToEnd', () => service.runToEnd()),
    selectContact: (id) => answers.answer(`selectContact ${id}`, () => service.selectContact(id)),
    setBreakpoints: (breakpoints) => answers.answer('setBreakpoints', () => service.setBreakpoints(breakpoints)),
    coverage: notHere,
    populationCharts: (workflowId) => answers.answer(`populationCharts ${workflowId}`, () => service.populationCharts(workflowId)),
    report: () => answers.answer('report', () => service.report()),
    reportRows: (request) => answers.answer('reportRows', () => service.reportRows(request)),
    compare: notHere,
    dispose: () => undefined,
  };
}

/** A `LiveSessionClient` over an in-process `LiveSessionService`, its answers held by `answers`. */
export function heldLiveClient(answers = new HeldAnswers()): LiveSessionClient & { readonly answers: HeldAnswers } {
  const service = new LiveSessionService();
  return {
    answers,
    start: (input: LiveStart) => answers.answer('start', (): LiveResult => service.start(input)),
    command: (command: LiveCommand) => answers.answer(`command ${command.type}`, () => service.command(command)),
    publish: (input: LivePublish) => answers.answer(`publish ${input.file}`, () => service.publish(input)),
    advance: (ms) => answers.answer(`advance ${ms}`, () => service.advance(ms)),
    jumpToNext: () => answers.answer('jumpToNext', () => service.jumpToNext()),
    script: () => answers.answer('script', () => service.script()),
    recording: () => answers.answer('recording', () => service.recording()),
    dispose: () => undefined,
  };
}
