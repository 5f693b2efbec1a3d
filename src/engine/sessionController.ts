import type { SessionTiming } from './sessionTiming.ts';

/** What a session controller needs of its worker client: a way to let virtual time pass. */
export interface SessionClient<Answer> {
  advance(ms: number): Promise<Answer>;
}

/** The virtual ms to play for `elapsedMs` of wall time: `(elapsed) => elapsed * 3600` plays an hour a second. */
export type Pace = (elapsedMs: number) => number;

/** What subscribers hear: each answer of the worker in the order they were asked for, and each failure. */
export type SessionEvent<Answer> =
  | { readonly kind: 'answer'; readonly answer: Answer; readonly from: 'clock' | 'command' }
  | { readonly kind: 'error'; readonly error: unknown };

export interface SessionControllerOptions<Answer> {
  readonly timing: SessionTiming;
  /** The answer says time cannot go on (the end of the run, a refusal): play stops there. */
  readonly stopsPlay: (answer: Answer) => boolean;
}

interface Waiting {
  start(): void;
  drop(): void;
}

/**
 * Plays a session of the engine's worker in virtual time, outside React: while playing, each tick
 * of its schedule asks the worker to let the wall time since the last request, at the chosen pace,
 * pass. It sends one request at a time — the clock's and the commands' alike, the others waiting
 * their turn — so a slow answer never piles work up in the worker and answers reach subscribers in
 * the order they were asked for. While a request is out, ticks ask for nothing and the wall time
 * adds up for the next one, so the pace holds however slow the worker or busy the page.
 *
 * @example
 * const controller = new SessionController(client, { timing: animationFrameTiming, stopsPlay: (answer) => answer.done });
 * controller.subscribe((event) => event.kind === 'answer' && show(event.answer));
 * controller.play((elapsed) => elapsed * 60); // a minute a second
 * void controller.command((client) => client.step());
 */
export class SessionController<Answer, Client extends SessionClient<Answer> = SessionClient<Answer>> {
  readonly #client: Client;
  readonly #timing: SessionTiming;
  readonly #stopsPlay: (answer: Answer) => boolean;
  readonly #listeners = new Set<(event: SessionEvent<Answer>) => void>();
  readonly #waiting: Waiting[] = [];
  #pace: Pace | null = null;
  #stopTicks: (() => void) | null = null;
  /** The clock's time up to which wall time has been asked for. */
  #last = 0;
  /** Virtual ms paced but not asked for yet: requests are whole ms, the remainder goes to the next. */
  #owed = 0;
  #busy = false;
  #disposed = false;

  constructor(client: Client, options: SessionControllerOptions<Answer>) {
    this.#client = client;
    this.#timing = options.timing;
    this.#stopsPlay = options.stopsPlay;
  }

  get playing(): boolean {
    return this.#pace !== null;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Plays at `pace` from now; while playing, changes the pace, counting from now. */
  play(pace: Pace): void {
    if (this.#disposed) return;
    this.#pace = pace;
    this.#last = this.#timing.clock.now();
    this.#owed = 0;
    this.#stopTicks ??= this.#timing.ticks((now) => this.#tick(now));
  }

  /** Stops asking for time; an answer still out is published when it comes. */
  pause(): void {
    this.#pace = null;
    this.#stopTicks?.();
    this.#stopTicks = null;
  }

  /**
   * Sends `work` once no other request is out; its answer goes to subscribers and is returned too
   * (undefined when it failed — subscribers heard why — or the controller was disposed meanwhile).
   */
  command(work: (client: Client) => Promise<Answer>): Promise<Answer | undefined> {
    return this.#request(work, (answer) => this.#publish(answer, 'command'));
  }

  /** The same turn-taking for a request whose answer is the caller's alone (a load, a replay); failures still go to subscribers. */
  exclusive<T>(work: (client: Client) => Promise<T>): Promise<T | undefined> {
    return this.#request(work, null);
  }

  subscribe(listener: (event: SessionEvent<Answer>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops for good: no more ticks, requests waiting are dropped and answers still out are ignored. */
  dispose(): void {
    this.pause();
    this.#disposed = true;
    this.#listeners.clear();
    for (const waiting of this.#waiting.splice(0)) waiting.drop();
  }

  #tick(now: number): void {
    const pace = this.#pace;
    // While a request is out the wall time keeps adding up, and the next request asks for all of it.
    if (pace === null || this.#busy) return;
    // An animation frame's timestamp can be a little older than the clock read when play began.
    const elapsed = Math.max(0, now - this.#last);
    this.#last = Math.max(this.#last, now);
    const virtual = pace(elapsed) + this.#owed;
    const ms = Math.round(virtual);
    this.#owed = virtual - ms;
    void this.#request((client) => client.advance(ms), (answer) => this.#publish(answer, 'clock'));
  }

  #request<T>(work: (client: Client) => Promise<T>, publish: ((answer: T) => void) | null): Promise<T | undefined> {
    if (this.#disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const start = () => {
        this.#busy = true;
        let answer: Promise<T>;
        try {
          answer = work(this.#client);
        } catch (error) {
          answer = Promise.reject(error);
        }
        // A subscriber that throws is the page's error to report, but never keeps the next request from going.
        const settle = (publishIt: () => void, value: T | undefined) => {
          if (this.#disposed) return resolve(undefined);
          try {
            publishIt();
          } finally {
            this.#busy = false;
            this.#waiting.shift()?.start();
            resolve(value);
          }
        };
        answer.then(
          (value) => settle(() => publish?.(value), value),
          (error: unknown) => settle(() => this.#fail(error), undefined),
        );
      };
      if (this.#busy) this.#waiting.push({ start, drop: () => resolve(undefined) });
      else start();
    });
  }

  #publish(answer: Answer, from: 'clock' | 'command'): void {
    // Stopped before subscribers hear it, so they see a controller that is no longer playing.
    if (this.#stopsPlay(answer)) this.pause();
    this.#emit({ kind: 'answer', answer, from });
  }

  #fail(error: unknown): void {
    this.pause();
    this.#emit({ kind: 'error', error });
  }

  #emit(event: SessionEvent<Answer>): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}
