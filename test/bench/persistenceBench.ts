import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { PersistenceFigures } from './browser/persistencePage.ts';
import { requireChromium } from '../support/requireChromium.ts';

const root = join(import.meta.dirname, '../..');

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
  // Found before the build, so a machine without Chromium hears how to get one at once.
  const executablePath = requireChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'exitflow-bench-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(root, 'test/bench/browser/persistence.html') } },
    });
    const server = await preview({ root, configFile: false, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const { port } = server.httpServer.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/test/bench/browser/persistence.html`);
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
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
