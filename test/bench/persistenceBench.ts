import type { PersistenceFigures } from './browser/persistencePage.ts';
import { withBenchPages } from './benchPages.ts';

/** `p` in [0, 1]: the nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export interface PersistenceBench {
  readonly nodes: number;
  readonly documentBytes: number;
  readonly rounds: number;
  readonly saveMedianMs: number;
  readonly saveP95Ms: number;
  readonly loadMedianMs: number;
  readonly loadP95Ms: number;
}

/**
 * Builds the benchmark page (production build, as users get it), serves it, and runs it in
 * the machine's Chromium (`requireChromium`): saving and loading a 1,000-node Workflow, `rounds`
 * times each.
 */
export async function benchPersistence(rounds: number): Promise<PersistenceBench> {
  return withBenchPages({ pages: ['test/bench/browser/persistence.html'], appConfig: false, target: 'es2022' }, async ({ origin, browser }) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/test/bench/browser/persistence.html`);
    await page.waitForFunction(() => 'runPersistenceBench' in window);
    const figures = await page.evaluate(
      (n) => (window as unknown as { runPersistenceBench: (rounds: number) => Promise<PersistenceFigures> }).runPersistenceBench(n),
      rounds,
    );
    return {
      nodes: figures.nodes,
      documentBytes: figures.documentBytes,
      rounds: figures.rounds,
      saveMedianMs: percentile(figures.saveMs, 0.5),
      saveP95Ms: percentile(figures.saveMs, 0.95),
      loadMedianMs: percentile(figures.loadMs, 0.5),
      loadP95Ms: percentile(figures.loadMs, 0.95),
    };
  });
}
