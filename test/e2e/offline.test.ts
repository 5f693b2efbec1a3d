import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';

const session = useAppSession();

/** Waits until the service worker is active: it gets past installing only once its precache is complete. */
const precached = (page: Page) =>
  expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), { timeout: 20_000 }).toBe('activated');
const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe('the app offline', () => {
  it('opens from the cache after one visit with the network cut, and plays a bundled example in the simulator', async () => {
    const page = await session.open({ contextOptions: { serviceWorkers: 'allow' } });
    page.setDefaultTimeout(20_000);
    await precached(page);
    // The overview's own requests done first: leaving the page would abort one still under way.
    await page.waitForLoadState('networkidle');

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await controlled(page)).toBe(true);
    await page.waitForLoadState('networkidle');

    // An address never visited online: the service worker answers it with the app shell.
    await page.goto(new URL('simulator', session.url()).href);
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await page.getByLabel('Situation').selectOption({ label: '24h follow-up' });
    await page.getByLabel('Script').selectOption({ label: 'Incoming message: the contact writes again, the follow-up is pointless' });
    await page.getByTestId('node-wait').waitFor();
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="node-wait"]')?.textContent?.includes('Stopped here'));
    expect(await page.getByTestId('node-check-in').textContent()).toContain('Cancelled');
    await saveScreenshot(page, 'offline-simulator', { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
    // The network is really gone: what is not precached (the README's pictures) does not load.
    expect(await page.evaluate(() => fetch('docs/screenshot.png').then(() => 'loaded', () => 'failed'))).toBe('failed');
  });
});

/**
 * A copy of the build served as it is on disk at each request (no validators), so a test can put
 * a new build in place between two visits, as a deploy does.
 */
async function serveCopyOfBuild(): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'exitflow-offline-'));
  cpSync(process.env.E2E_DIST ?? join(import.meta.dirname, '../../dist'), dir, { recursive: true });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(dir, path.endsWith('/') ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    close: () => new Promise((resolve) => server.close(() => (rmSync(dir, { recursive: true, force: true }), resolve()))),
  };
}

describe('a new build', () => {
  it('is offered with "Reload" instead of reloading by itself, and takes over when asked', async () => {
    const build = await serveCopyOfBuild();
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(build.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await precached(page);

      // The next deploy, as the browser sees it: a service worker script that differs by a byte.
      appendFileSync(join(build.dir, 'sw.js'), '\n// the next build\n');
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      const prompt = page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: 'A new version of exitflow is ready' });
      await prompt.waitFor();
      await saveScreenshot(page, 'offline-update-prompt', { fullPage: false });
      // Waiting, not taken over: the page was not reloaded under the person.
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(await controlled(page)).toBe(true);
      expect(await page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: 'A new version' }).count()).toBe(0);
    } finally {
      await browser.close();
      await build.close();
    }
  });
});
