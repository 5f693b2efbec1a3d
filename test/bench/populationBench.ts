/**
 * A population of a million contacts in the browser (issue 20, "Populations across cores"): the
 * follow-up population played as the simulator workspace plays it (test/bench/browser/playbackPage.ts
 * with `contacts` set), in a Chromium of its own so its memory is this page's alone. What the
 * `population` line reports: the time to load (the whole run once, for the timeline) and to play
 * to the end, whether it got there or stopped short at the trace cap and where, and the renderer
 * process's peak resident memory (`VmHWM` of /proc, Linux: the worker runs in the page's renderer,
 * and a trace lives outside the JavaScript heap, so the heap's size would not show it).
 *
 * This is the figure as the app stands: one worker plays the whole population.
 */
import { readFileSync } from 'node:fs';
import { withBenchPages } from './benchPages.ts';
import type { PlaybackFigures } from './browser/playbackPage.ts';
import { PAGE_TIMEOUT_MS, PLAYBACK_PAGES } from './playbackBench.ts';

export interface PopulationFigures {
  readonly contacts: number;
  readonly loadMs: number;
  readonly playMs: number;
  readonly done: boolean;
  readonly runCount: number;
  readonly eventsProcessed: number;
  /** Trace entries at which it stopped short (the trace cap), or null when it ran to its end. */
  readonly stoppedShortEntries: number | null;
  /** The highest resident memory any renderer process of this Chromium reached, MB; null where /proc is not there. */
  readonly peakRendererMb: number | null;
  /** How many workers played it. */
  readonly workers: number;
}

/** Peak resident set (VmHWM) of a process, MB; null when unreadable. */
function peakResidentMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function benchBrowserPopulation(contacts: number): Promise<PopulationFigures> {
  // A Chromium of its own (withBenchPages launches one per call): its renderers' peaks are this page's.
  return withBenchPages({ pages: PLAYBACK_PAGES }, async ({ origin, browser }) => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/test/bench/browser/playback.html?contacts=${contacts}`);
    await tab.waitForFunction(() => window.__playbackBench !== undefined);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`a population of ${contacts} contacts reported nothing in ${PAGE_TIMEOUT_MS / 60_000} minutes`)), PAGE_TIMEOUT_MS);
    });
    const figures = (await Promise.race([tab.evaluate(() => window.__playbackBench?.result), timedOut]).finally(() => clearTimeout(timer))) as PlaybackFigures;
    // Read before the browser closes: the renderers' peaks over the whole run.
    const session = await browser.newBrowserCDPSession();
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const known = processInfo
      .filter((process) => process.type === 'renderer')
      .map((process) => peakResidentMb(process.id))
      .filter((peak): peak is number => peak !== null);
    return {
      contacts,
      loadMs: figures.loadMs,
      playMs: figures.playMs,
      done: figures.done,
      runCount: figures.runCount,
      eventsProcessed: figures.eventsProcessed,
      stoppedShortEntries: figures.stoppedShortEntries,
      peakRendererMb: known.length === 0 ? null : Math.max(...known),
      workers: 1,
    };
  });
}
