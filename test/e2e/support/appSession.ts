import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, openApp, screenshotOnFailure, type OpenedApp, type OpenOptions } from './browser.ts';
import { startPreviewServer, type PreviewServer } from './server.ts';

export interface AppSession {
  /** Opens the built app in a fresh browser context; closed (with a screenshot on failure) after the test. */
  open(options?: OpenOptions): Promise<Page>;
  /** A second tab of the same browser (same storage) as the page `open` gave, closed with it. */
  openTab(options?: OpenOptions): Promise<Page>;
  /** The app the current test opened, to read its console errors. */
  current(): OpenedApp | undefined;
  /** Where the built app is served. */
  url(): string;
}

/**
 * Registers the hooks every end-to-end file needs: the production build served by vite preview
 * and Chromium launched once per file, one page per test, a screenshot when a test fails.
 */
export function useAppSession(): AppSession {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let app: OpenedApp | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreviewServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async ({ task }) => {
    await screenshotOnFailure(task, app?.page);
    await app?.close();
    app = undefined;
  });

  return {
    async open(options) {
      if (!browser || !server) throw new Error('The browser or the preview server did not start');
      app = await openApp(browser, server.url, options);
      return app.page;
    },
    async openTab(options) {
      if (!browser || !server || !app) throw new Error('Open the app first, then a second tab');
      return (await openApp(browser, server.url, { ...options, context: app.page.context() })).page;
    },
    current: () => app,
    url() {
      if (!server) throw new Error('The preview server did not start');
      return server.url;
    },
  };
}
