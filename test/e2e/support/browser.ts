import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { requireChromium } from '../../support/requireChromium.ts';

/** Where screenshots go (git-ignored). */
export const OUTPUT_DIR = join(import.meta.dirname, '../../output');

/**
 * The machine's Chromium (test/support/findChromium.ts, looked up at launch), headless, quiet: no
 * sandbox (containers), no GPU, no background traffic.
 */
const CHROMIUM = {
  get executablePath() {
    return requireChromium();
  },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/**
 * Chromium with a profile on disk, as a person's browser: what the app stores survives closing
 * it, so a test can crash the page, close the browser, launch it again on the same profile.
 */
export function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, viewport: { width: 1280, height: 900 } });
}

export interface OpenedApp {
  readonly page: Page;
  /** Console errors, uncaught exceptions and failed requests seen on the page so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The app's address to open, e.g. `/simulator?example=hot-lead`; the overview by default. */
  readonly path?: string;
  /** Runs before the app loads, e.g. to route a request to a broken file. */
  readonly prepare?: (page: Page) => Promise<unknown>;
  /** Open in this context (e.g. a second tab of the same browser) instead of a fresh one. */
  readonly context?: BrowserContext;
  /** For the fresh context: its size, zone, locale, motion… on top of 1280×900 at scale 1. */
  readonly contextOptions?: BrowserContextOptions;
}

/**
 * Opens the app at `path` in a fresh browser context (1280×900) and waits until its screen shows
 * its title (the one `h1`).
 */
export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedApp> {
  const ownContext = !options.context;
  // The built app installs a service worker; tests that do not test it block it, so it neither
  // works in the background nor answers requests a test routes (offline.test.ts allows it).
  const context =
    options.context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block', ...options.contextOptions }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  await options.prepare?.(page);
  await page.goto(new URL((options.path ?? '/').replace(/^\//, ''), url).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors, close: () => (ownContext ? context.close() : page.close()) };
}

/**
 * Call from `afterEach`, before closing the page: when the test failed, saves a screenshot of the
 * page to `test/output/failed-<test name>.png` (Vitest runs `onTestFailed` only after the
 * after-each hooks, when the page is already gone).
 */
export async function screenshotOnFailure(task: { readonly name: string; readonly result?: { readonly state?: string } }, page: Page | undefined): Promise<void> {
  if (task.result?.state !== 'fail' || !page || page.isClosed()) return;
  const path = await saveScreenshot(page, `failed-${task.name}`);
  console.log(`screenshot of the failed test: ${path}`);
}

/** Saves a screenshot (the full page unless told otherwise) to `test/output/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true }: { readonly fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
