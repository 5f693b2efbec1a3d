/**
 * Lighthouse on the production build (issue 20, "Bundle and first load"): the overview and the
 * simulator opened on a bundled example, each page `runs` times in the machine's Chromium, with
 * Lighthouse's defaults — the mobile preset (a mid-range phone's screen, its CPU simulated 4×
 * slower, a slow 4G network simulated). What the `lighthouse` line reports per page: the median
 * run's category scores (0–100) and its Total Blocking Time, Largest and First Contentful Paint,
 * Speed Index and Cumulative Layout Shift, the scores and TBT of every run beside them, and the
 * median run's longest main-thread tasks (what to look at when TBT is high).
 *
 * Lighthouse 12.2.3, pinned: 13 needs Node 22. Run alone: `node --import tsx test/bench/lighthouseBench.ts`
 * prints the figures as JSON (`--runs N` for another count than 3, `--dist DIR` to measure a build
 * made before, e.g. of another commit).
 *
 * The service worker: the app registers one in a production build (vite.config.ts) after the page
 * has loaded, and it then downloads the whole app and the examples for offline use — a first
 * visit's one-off work on a thread of its own, but its requests would share the simulated network
 * and hold Lighthouse's wait for the network to go quiet. Its script is blocked here, so the
 * figures are the page's own load, as on every visit after the first (which the worker serves).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build, preview } from 'vite';
import { requireChromium } from '../support/requireChromium.ts';

const root = join(import.meta.dirname, '../..');

/** The pages measured: the first screen a person sees, and the simulator as a bundled example opens it. */
export const LIGHTHOUSE_PAGES: readonly { readonly name: string; readonly path: string }[] = [
  { name: 'overview', path: '/' },
  { name: 'simulator-example', path: '/simulator?example=hot-lead' },
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  /** 0–100 per category, as Lighthouse shows them. */
  readonly scores: Record<Category, number>;
  readonly tbtMs: number;
  readonly lcpMs: number;
  readonly fcpMs: number;
  readonly speedIndexMs: number;
  readonly cls: number;
  /** The longest main-thread tasks Lighthouse saw (unthrottled ms), with the script it blames. */
  readonly longTasks: readonly { readonly url: string; readonly startMs: number; readonly durationMs: number }[];
}

export interface LighthousePage {
  readonly name: string;
  readonly url: string;
  /** The median run by performance score (ties by TBT): its figures. */
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  readonly tbtMs: number;
  readonly lcpMs: number;
  readonly fcpMs: number;
  readonly speedIndexMs: number;
  readonly cls: number;
  readonly longTasks: LighthouseRun['longTasks'];
  /** Every run, in order. */
  readonly performanceRuns: number[];
  readonly tbtMsRuns: number[];
}

export interface LighthouseBench {
  readonly lighthouseVersion: string;
  readonly runs: number;
  readonly pages: LighthousePage[];
}

interface Audit {
  readonly numericValue?: number;
  readonly details?: { readonly items?: readonly { readonly url?: string; readonly startTime?: number; readonly duration?: number }[] };
}

const numeric = (audits: Record<string, Audit>, id: string): number => Math.round(audits[id]?.numericValue ?? Number.NaN);

/** The run in the middle by performance score, ties broken by TBT: one real run's figures, not a mix of several. */
function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance || b.tbtMs - a.tbtMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseRun;
}

export interface LighthouseOptions {
  /** Runs per page; the median run is reported. */
  readonly runs?: number;
  /** A production build to measure as it is (another version's, to compare); built afresh when absent. */
  readonly dist?: string;
}

/**
 * Builds the app with its own vite.config.ts into a temporary directory (or takes `dist`), serves
 * it with `vite preview` (gzip, as a web server would), and runs Lighthouse `runs` times on each
 * page of LIGHTHOUSE_PAGES, one Chromium (`requireChromium`, headless) for all, each run on fresh
 * storage (Lighthouse clears the origin's storage before it loads the page).
 */
export async function benchLighthouse({ runs = 3, dist }: LighthouseOptions = {}): Promise<LighthouseBench> {
  const chromePath = requireChromium();
  const outDir = dist ?? mkdtempSync(join(tmpdir(), 'exitflow-lighthouse-bench-'));
  try {
    if (!dist) await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const server = await preview({ root, configFile: false, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const chrome = await launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      logLevel: 'silent',
    });
    try {
      const { port } = server.httpServer.address() as AddressInfo;
      let lighthouseVersion = '';
      const pages: LighthousePage[] = [];
      for (const page of LIGHTHOUSE_PAGES) {
        const url = `http://127.0.0.1:${port}${page.path}`;
        const measured: LighthouseRun[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: 'json', logLevel: 'error' },
            { extends: 'lighthouse:default', settings: { onlyCategories: [...CATEGORIES], blockedUrlPatterns: ['*/sw.js'] } },
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
          const { lhr } = result;
          if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          lighthouseVersion = lhr.lighthouseVersion;
          const audits = lhr.audits as Record<string, Audit>;
          const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
          measured.push({
            scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
            tbtMs: numeric(audits, 'total-blocking-time'),
            lcpMs: numeric(audits, 'largest-contentful-paint'),
            fcpMs: numeric(audits, 'first-contentful-paint'),
            speedIndexMs: numeric(audits, 'speed-index'),
            cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN) * 1000) / 1000,
            longTasks: (audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((task) => ({
              url: (task.url ?? '').replace(`http://127.0.0.1:${port}`, ''),
              startMs: Math.round(task.startTime ?? 0),
              durationMs: Math.round(task.duration ?? 0),
            })),
          });
        }
        const middle = medianRun(measured);
        pages.push({
          name: page.name,
          url: page.path,
          performance: middle.scores.performance,
          accessibility: middle.scores.accessibility,
          bestPractices: middle.scores['best-practices'],
          seo: middle.scores.seo,
          tbtMs: middle.tbtMs,
          lcpMs: middle.lcpMs,
          fcpMs: middle.fcpMs,
          speedIndexMs: middle.speedIndexMs,
          cls: middle.cls,
          longTasks: middle.longTasks,
          performanceRuns: measured.map((run) => run.scores.performance),
          tbtMsRuns: measured.map((run) => run.tbtMs),
        });
      }
      return { lighthouseVersion, runs, pages };
    } finally {
      chrome.kill();
      await server.close();
    }
  } finally {
    if (!dist) rmSync(outDir, { recursive: true, force: true });
  }
}

// Run directly: the figures as one JSON object.
if (process.argv[1] === import.meta.filename) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const runs = Number(option('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
  const dist = option('--dist');
  console.log(JSON.stringify(await benchLighthouse({ runs, ...(dist ? { dist } : {}) })));
}
