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
 *   report one — and `maxFrameGapMs`, the longest gap between animation frames meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { PlaybackFigures } from './browser/playbackPage.ts';
import type { WorkspaceFigures } from './browser/workspacePage.tsx';
import { median } from './measure.ts';
import { requireChromium } from '../support/requireChromium.ts';

const root = join(import.meta.dirname, '../..');

export interface PlaybackBench {
  readonly contacts: number;
  readonly runs: number;
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
  /** Worst over the runs, and each run's. */
  readonly worstLongestTaskMs: number;
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
    readonly worstLongestTaskMs: number;
    readonly longTasks: number[];
    readonly longestLoadTaskMs: number[];
    readonly longestTaskMsRuns: number[];
    readonly maxFrameGapMsRuns: number[];
  };
}

/**
 * Builds the playback page with the app's Vite config (production build, the worker bundled as
 * users get it, the examples copied from public/), serves it with `vite preview` and plays the
 * population `runs` times in the machine's Chromium (`requireChromium`), each in a fresh context.
 */
export async function benchPlayback(contacts: number, runs: number): Promise<PlaybackBench> {
  // Found before the build, so a machine without Chromium hears how to get one at once.
  const executablePath = requireChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'exitflow-playback-bench-'));
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        rolldownOptions: { input: [join(root, 'test/bench/browser/playback.html'), join(root, 'test/bench/browser/workspace.html')] },
      },
    });
    const server = await preview({ root, configFile: false, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const { port } = server.httpServer.address() as AddressInfo;
      /** Loads `page` `runs` times, each in a fresh context, and collects what its `window[api].result` resolves to. */
      const collect = async <T>(page: string, api: '__playbackBench' | '__workspaceBench', viewport?: { width: number; height: number }): Promise<T[]> => {
        const results: T[] = [];
        for (let i = 0; i < runs; i++) {
          const context = await browser.newContext(viewport ? { viewport } : {});
          try {
            const tab = await context.newPage();
            await tab.goto(`http://127.0.0.1:${port}/test/bench/browser/${page}?contacts=${contacts}`);
            await tab.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, api);
            results.push(await tab.evaluate((name) => ((window as unknown as Record<string, { result: Promise<unknown> }>)[name] as { result: Promise<unknown> }).result, api) as T);
          } finally {
            await context.close();
          }
        }
        return results;
      };
      const figures = await collect<PlaybackFigures>('playback.html', '__playbackBench');
      const workspaceFigures = await collect<WorkspaceFigures>('workspace.html', '__workspaceBench', { width: 1280, height: 900 });
      const last = figures.at(-1);
      if (!last) throw new Error('no run');
      const ofWorkspace = (key: keyof WorkspaceFigures) => workspaceFigures.map((f) => f[key] as number);
      const of = (key: keyof PlaybackFigures) => figures.map((f) => f[key] as number);
      return {
        contacts,
        runs,
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
        worstLongestTaskMs: Math.max(...of('longestTaskMs')),
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
          worstLongestTaskMs: Math.max(...ofWorkspace('longestTaskMs')),
          longTasks: ofWorkspace('longTasks'),
          longestLoadTaskMs: ofWorkspace('longestLoadTaskMs'),
          longestTaskMsRuns: ofWorkspace('longestTaskMs'),
          maxFrameGapMsRuns: ofWorkspace('maxFrameGapMs'),
        },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
