/**
 * A population played at full speed in the engine's Web Worker, in Chromium, production build
 * (issue 7, "Must show"): test/bench/browser/playbackPage.ts loads the follow-up population with
 * `contacts` contacts through the app's worker client and plays it as the simulator workspace's
 * 'max' speed does, one `advance` per animation frame, until the end. What the `playback` line
 * reports, medians over `runs` page loads (each in a fresh browser context):
 *
 * - `loadMs` (worker start and `load`), `playMs` (first frame to the `done` frame), `frames`;
 * - `longestTaskMs`: the longest main-thread long task while playing (the browser reports tasks of
 *   50 ms or more; 0 if none) — the figure held against the target, under 50 ms, so no run may
 *   report one — and `maxFrameGapMs`, the longest gap between animation frames meanwhile;
 * - `longestLoadTaskMs`, the same while loading (for the workspace: from mounting it until it is
 *   all drawn, charts included, and Play can be pressed), held against the same target.
 *
 * The same runs again with Chromium's CPU throttled 4× (`throttled`): a slow laptop's experience,
 * measured rather than guessed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaybackFigures } from './browser/playbackPage.ts';
import type { WorkspaceFigures } from './browser/workspacePage.tsx';
import { median } from './measure.ts';
import { withBenchPages } from './benchPages.ts';

/** What the runs measured with the CPU at one speed. */
export interface PlaybackAtRate {
  /** How many times Chromium slowed the pages' CPU (the DevTools protocol's `Emulation.setCPUThrottlingRate`; 1 = not at all). */
  readonly cpuThrottlingRate: number;
  readonly endMs: number;
  readonly stepMs: number;
  readonly runCount: number;
  readonly eventsProcessed: number;
  readonly done: boolean;
  /** Medians over the runs. */
  readonly loadMs: number;
  readonly playMs: number;
  readonly frames: number;
  readonly medianAdvanceMs: number;
  readonly medianFrameGapMs: number;
  readonly maxFrameGapMs: number;
  readonly longestTaskMs: number;
  /** The longest task while loading, median over the runs (0 if none of 50 ms or more). */
  readonly medianLongestLoadTaskMs: number;
  /** Worst over the runs, and each run's. */
  readonly worstLongestTaskMs: number;
  readonly worstLongestLoadTaskMs: number;
  readonly worstMaxFrameGapMs: number;
  readonly longTasks: number[];
  readonly longestLoadTaskMs: number[];
  readonly playMsRuns: number[];
  readonly longestTaskMsRuns: number[];
  readonly maxFrameGapMsRuns: number[];
  /** The same population in the real workspace's React tree, played by clicking Play at "As fast as possible". */
  readonly workspace: {
    readonly done: boolean;
    readonly loadMs: number;
    readonly playMs: number;
    readonly frames: number;
    readonly medianFrameGapMs: number;
    readonly maxFrameGapMs: number;
    readonly longestTaskMs: number;
    readonly medianLongestLoadTaskMs: number;
    readonly worstLongestTaskMs: number;
    readonly worstLongestLoadTaskMs: number;
    /** Worst over the runs: the end-of-run report opened after the `done` frame. */
    readonly worstLongestReportTaskMs: number;
    readonly longTasks: number[];
    readonly longestLoadTaskMs: number[];
    readonly longestTaskMsRuns: number[];
    readonly maxFrameGapMsRuns: number[];
  };
}

/** The figures at full speed (at the top, as `npm run bench` printed them before) and with the CPU throttled. */
export interface PlaybackBench extends PlaybackAtRate {
  readonly contacts: number;
  readonly runs: number;
  /** The same runs with the CPU slowed `throttled.cpuThrottlingRate` times: a slow laptop. */
  readonly throttled: PlaybackAtRate;
}

export interface PlaybackBenchOptions {
  /** How many times the throttled runs slow the CPU (4 unless told). */
  readonly throttlingRate?: number;
  /** Writes a CPU profile of each workspace page's main thread there (`workspace-<rate>x-<run>.cpuprofile`, opened by Chrome DevTools' Performance panel), to see what made a task long; the build is then left unminified. */
  readonly profileDir?: string;
  /** Told each page's figures as they come (a run at 4× on a busy machine takes minutes). */
  readonly progress?: (line: string) => void;
}

/** How long one page may take to report before the bench gives up on it (a hung page would otherwise hold it for ever). */
export const PAGE_TIMEOUT_MS = 10 * 60_000;

/** The pages the playback benches open. */
export const PLAYBACK_PAGES = ['test/bench/browser/playback.html', 'test/bench/browser/workspace.html'];

/**
 * Builds the playback page with the app's Vite config (production build, the worker bundled as
 * users get it, the examples copied from public/), serves it with `vite preview` and plays the
 * population `runs` times in the machine's Chromium (`requireChromium`), each in a fresh context:
 * the plain worker playback, then the workspace, at full speed and then with the CPU throttled
 * (set over the DevTools protocol before the page loads, so loading is slowed too).
 */
export async function benchPlayback(contacts: number, runs: number, options: PlaybackBenchOptions = {}): Promise<PlaybackBench> {
  const throttlingRate = options.throttlingRate ?? 4;
  // A profile names the app's own functions; the figures of such a run are not the bench's.
  return withBenchPages({ pages: PLAYBACK_PAGES, ...(options.profileDir !== undefined ? { minify: false } : {}) }, async ({ origin, browser }) => {
    /** Loads `page` `runs` times with the CPU slowed `rate` times, each in a fresh context, and collects what its `window[api].result` resolves to. */
    const collect = async <T>(page: string, api: '__playbackBench' | '__workspaceBench', rate: number, viewport?: { width: number; height: number }): Promise<T[]> => {
      const results: T[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext(viewport ? { viewport } : {});
        try {
          const tab = await context.newPage();
          const cdp = await context.newCDPSession(tab);
          if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          const profiling = options.profileDir !== undefined && api === '__workspaceBench';
          if (profiling) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
            await cdp.send('Profiler.start');
          }
          await tab.goto(`${origin}/test/bench/browser/${page}?contacts=${contacts}`);
          await tab.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, api);
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${page} at ${rate}x CPU throttling reported nothing in ${PAGE_TIMEOUT_MS / 60_000} minutes`)), PAGE_TIMEOUT_MS);
          });
          const result = (await Promise.race([
            tab.evaluate((name) => ((window as unknown as Record<string, { result: Promise<unknown> }>)[name] as { result: Promise<unknown> }).result, api),
            timedOut,
          ]).finally(() => clearTimeout(timer))) as T;
          results.push(result);
          options.progress?.(`${page} ${rate}x run ${i + 1}: ${JSON.stringify(result)}`);
          if (profiling && options.profileDir !== undefined) {
            const { profile } = await cdp.send('Profiler.stop');
            writeFileSync(join(options.profileDir, `workspace-${rate}x-${i + 1}.cpuprofile`), JSON.stringify(profile));
          }
        } finally {
          await context.close();
        }
      }
      return results;
    };
    const atRate = async (rate: number): Promise<PlaybackAtRate> => {
      const figures = await collect<PlaybackFigures>('playback.html', '__playbackBench', rate);
      const workspaceFigures = await collect<WorkspaceFigures>('workspace.html', '__workspaceBench', rate, { width: 1280, height: 900 });
      const last = figures.at(-1);
      if (!last) throw new Error('no run');
      const ofWorkspace = (key: keyof WorkspaceFigures) => workspaceFigures.map((f) => f[key] as number);
      const of = (key: keyof PlaybackFigures) => figures.map((f) => f[key] as number);
      return {
        cpuThrottlingRate: rate,
        endMs: last.endMs,
        stepMs: last.stepMs,
        runCount: last.runCount,
        eventsProcessed: last.eventsProcessed,
        done: figures.every((f) => f.done && f.runCount === last.runCount),
        loadMs: median(of('loadMs')),
        playMs: median(of('playMs')),
        frames: median(of('frames')),
        medianAdvanceMs: median(of('medianAdvanceMs')),
        medianFrameGapMs: median(of('medianFrameGapMs')),
        maxFrameGapMs: median(of('maxFrameGapMs')),
        longestTaskMs: median(of('longestTaskMs')),
        medianLongestLoadTaskMs: median(of('longestLoadTaskMs')),
        worstLongestTaskMs: Math.max(...of('longestTaskMs')),
        worstLongestLoadTaskMs: Math.max(...of('longestLoadTaskMs')),
        worstMaxFrameGapMs: Math.max(...of('maxFrameGapMs')),
        longTasks: of('longTasks'),
        longestLoadTaskMs: of('longestLoadTaskMs'),
        playMsRuns: of('playMs'),
        longestTaskMsRuns: of('longestTaskMs'),
        maxFrameGapMsRuns: of('maxFrameGapMs'),
        workspace: {
          done: workspaceFigures.every((f) => f.done && f.reportShown && f.runCount === last.runCount),
          loadMs: median(ofWorkspace('loadMs')),
          playMs: median(ofWorkspace('playMs')),
          frames: median(ofWorkspace('frames')),
          medianFrameGapMs: median(ofWorkspace('medianFrameGapMs')),
          maxFrameGapMs: median(ofWorkspace('maxFrameGapMs')),
          longestTaskMs: median(ofWorkspace('longestTaskMs')),
          medianLongestLoadTaskMs: median(ofWorkspace('longestLoadTaskMs')),
          worstLongestTaskMs: Math.max(...ofWorkspace('longestTaskMs')),
          worstLongestLoadTaskMs: Math.max(...ofWorkspace('longestLoadTaskMs')),
          worstLongestReportTaskMs: Math.max(...ofWorkspace('longestReportTaskMs')),
          longTasks: ofWorkspace('longTasks'),
          longestLoadTaskMs: ofWorkspace('longestLoadTaskMs'),
          longestTaskMsRuns: ofWorkspace('longestTaskMs'),
          maxFrameGapMsRuns: ofWorkspace('maxFrameGapMs'),
        },
      };
    };
    const full = await atRate(1);
    const throttled = await atRate(throttlingRate);
    return { contacts, runs, ...full, throttled };
  });
}
