/**
 * Runs in Chromium (test/bench/playbackBench.ts builds this page with the app's Vite config and
 * opens it as `playback.html?contacts=N`): the follow-up population played "as fast as possible"
 * in the engine's real Web Worker, on the page's main thread exactly as the simulator workspace
 * plays it (src/screens/simulation/workspace/usePlaybackSession.ts), minus React's rendering of the frames:
 *
 * - the Workflow and the population script are fetched from the shipped examples and parsed as the
 *   app reads them (`parseWorkflowDocument`, `parseScriptDocument`); the script is
 *   public/examples/follow-up/population.script.json with `population.contacts` set to N;
 * - the worker is the app's (`createPlaybackClient()`, every answer parsed with zod) and each
 *   answer goes into the app's store (`playbackLoaded`, `playbackFrame`), as the session does;
 * - one `advance` per animation frame at most and never two in flight, each of
 *   max(1 h, end / 120) of virtual time (the session's 'max' rate), until a frame is `done`.
 *
 * Meanwhile a PerformanceObserver records the main thread's long tasks (the browser reports any
 * task of 50 ms or more) and a requestAnimationFrame loop the gaps between animation frames.
 */
import { createPlaybackClient, type PlaybackClient } from '../../../src/engine/playbackClient.ts';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { MAX_RATE_MIN_STEP_MS, MAX_RATE_SHARE, PlaybackController, playbackPace } from '../../../src/engine/playbackController.ts';
import { animationFrameTiming } from '../../../src/engine/sessionTiming.ts';
import { collectLongTasks, longTasksBetween, median, populationInput, settle, watchFrames } from './pageMeasures.ts';

/** What one page load measured; times in ms. */
export interface PlaybackFigures {
  readonly contacts: number;
  /** `createPlaybackClient()` and `load` until the parsed answer is in the store: the worker's start, the whole run once for the timeline, the restart. */
  readonly loadMs: number;
  /** The first animation frame requested until the `done` frame is in the store. */
  readonly playMs: number;
  /** `advance` calls (one per animation frame that had none in flight). */
  readonly frames: number;
  /** Animation frames while playing, `frames` among them. */
  readonly animationFrames: number;
  /** Virtual time: the timeline's end, and what each frame played. */
  readonly endMs: number;
  readonly stepMs: number;
  /** The longest main-thread long task overlapping play (0 if none), and how many there were. */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** The same while loading. */
  readonly longestLoadTaskMs: number;
  /** Gaps between consecutive animation frames while playing. */
  readonly maxFrameGapMs: number;
  readonly medianFrameGapMs: number;
  readonly frameGapsOver50Ms: number;
  /** Round trip of one `advance` (request to parsed answer in the store): median and longest. */
  readonly medianAdvanceMs: number;
  readonly maxAdvanceMs: number;
  /** The last frame's counts. */
  readonly runCount: number;
  readonly eventsProcessed: number;
  readonly done: boolean;
  /** Trace entries at which the simulation stopped short (the trace cap), or null when it ran to its end. */
  readonly stoppedShortEntries: number | null;
}

export interface PlaybackBenchApi {
  readonly result: Promise<PlaybackFigures>;
}

declare global {
  interface Window {
    __playbackBench?: PlaybackBenchApi;
  }
}

/** The workspace's PlaybackController at rate 'max', until the store stops playing (a `done` frame). */
function play(client: PlaybackClient, store: AppStore): Promise<{ frames: number; animationFrames: number; advanceMs: number[] }> {
  return new Promise((resolve, reject) => {
    let frames = 0;
    let animationFrames = 0;
    const advanceMs: number[] = [];
    let sent = 0;
    const counting: PlaybackClient = {
      ...client,
      advance: (ms) => {
        frames++;
        sent = performance.now();
        return client.advance(ms);
      },
    };
    const controller = new PlaybackController(counting, {
      clock: animationFrameTiming.clock,
      ticks: (tick) =>
        animationFrameTiming.ticks((now) => {
          animationFrames++;
          tick(now);
        }),
    });
    controller.subscribe((event) => {
      if (event.kind === 'error') {
        controller.dispose();
        return reject(event.error instanceof Error ? event.error : new Error(String(event.error)));
      }
      if (!event.answer.ok) {
        controller.dispose();
        return reject(new Error(`advance refused: ${event.answer.problems[0]?.message ?? ''}`));
      }
      store.getState().playbackFrame(event.answer.frame);
      advanceMs.push(performance.now() - sent);
      if (!store.getState().playback.playing) {
        controller.dispose();
        resolve({ frames, animationFrames, advanceMs });
      }
    });
    controller.play(playbackPace('max', () => store.getState().playback.info?.end ?? 0));
  });
}

async function run(contacts: number): Promise<PlaybackFigures> {
  const input = await populationInput(contacts);
  const store = createAppStore();
  await settle();

  const loadStart = performance.now();
  const client = createPlaybackClient();
  store.getState().playbackLoading();
  const loaded = await client.load(input);
  if (!loaded.ok) throw new Error(`load refused: ${loaded.problems[0]?.message ?? ''}`);
  store.getState().playbackLoaded(loaded.info, loaded.frame);
  const loadEnd = performance.now();
  await settle();

  store.getState().setPlaybackRate('max');
  store.getState().setPlaying(true);
  const gaps = watchFrames();
  const playStart = performance.now();
  const played = await play(client, store);
  const playEnd = performance.now();
  const frameGaps = gaps.stop();
  await settle();
  collectLongTasks();
  client.dispose();

  const last = store.getState().playback.frame;
  const end = store.getState().playback.info?.end ?? 0;
  const during = longTasksBetween(playStart, playEnd);
  return {
    contacts,
    loadMs: loadEnd - loadStart,
    playMs: playEnd - playStart,
    frames: played.frames,
    animationFrames: played.animationFrames,
    endMs: end,
    stepMs: Math.round(Math.max(MAX_RATE_MIN_STEP_MS, end * MAX_RATE_SHARE)),
    longestTaskMs: during.longest,
    longTasks: during.count,
    longestLoadTaskMs: longTasksBetween(loadStart, loadEnd).longest,
    maxFrameGapMs: Math.max(0, ...frameGaps),
    medianFrameGapMs: median(frameGaps),
    frameGapsOver50Ms: frameGaps.filter((gap) => gap > 50).length,
    medianAdvanceMs: median(played.advanceMs),
    maxAdvanceMs: Math.max(0, ...played.advanceMs),
    runCount: last?.runCount ?? 0,
    eventsProcessed: last?.eventsProcessed ?? 0,
    done: last?.done ?? false,
    stoppedShortEntries: store.getState().playback.info?.stoppedShort?.entries ?? null,
  };
}

const contacts = Number(new URLSearchParams(location.search).get('contacts') ?? '10000');
if (!Number.isInteger(contacts) || contacts < 1) throw new Error('playback.html?contacts= takes a whole number of contacts');
window.__playbackBench = { result: run(contacts) };
