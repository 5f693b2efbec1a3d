import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { requireChromium } from '../support/requireChromium.ts';

const root = join(import.meta.dirname, '../..');

/** Headless Chromium as every browser bench runs it: no sandbox (containers), nothing in the background. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BenchPagesOptions {
  /** Pages to build, relative to the repository (`test/bench/browser/canvas.html`); the app itself when absent. */
  readonly pages?: readonly string[];
  /** Built with the app's vite.config.ts (its plugins, the worker, the examples in public/); true unless told. */
  readonly appConfig?: boolean;
  /** false keeps function names, for a CPU profile (whose figures are then not the bench's). */
  readonly minify?: boolean;
  /** false leaves public/ out of the build (a page that needs none of it). */
  readonly copyPublicDir?: boolean;
  /** The build's target, when not the config's. */
  readonly target?: string;
}

/** What a bench runs against: the built pages' address and the machine's Chromium. */
export interface BenchPages {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Builds the pages (a production build, as users get it) into a folder of their own, serves it
 * with `vite preview` on a free port and launches the machine's Chromium (`requireChromium`,
 * found before the build so a machine without one hears how to get it at once); `use` runs
 * against them, and the browser, the server and the folder are closed and removed afterwards,
 * whatever happens.
 */
export async function withBenchPages<T>(options: BenchPagesOptions, use: (pages: BenchPages) => Promise<T>): Promise<T> {
  const executablePath = requireChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'exitflow-bench-'));
  try {
    await build({
      root,
      configFile: options.appConfig === false ? false : join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        ...(options.minify === false ? { minify: false } : {}),
        ...(options.copyPublicDir === false ? { copyPublicDir: false } : {}),
        ...(options.target === undefined ? {} : { target: options.target }),
        ...(options.pages === undefined ? {} : { rolldownOptions: { input: options.pages.map((page) => join(root, page)) } }),
      },
    });
    const server = await preview({ root, configFile: false, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    try {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const { port } = server.httpServer.address() as AddressInfo;
        return await use({ origin: `http://127.0.0.1:${port}`, browser });
      } finally {
        await browser.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
