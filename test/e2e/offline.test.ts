import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

/** Waits until the service worker is active: it gets past installing only once its precache is complete. */
const precached = (page: Page) =>
  expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), { timeout: 20_000 }).toBe('activated');
const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe('the app offline', () => {
  it('opens from the cache after one visit with the network cut, and plays a bundled example in the simulator', async () => {
    const page = await session.open();
    page.setDefaultTimeout(20_000);
    await precached(page);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await controlled(page)).toBe(true);

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
