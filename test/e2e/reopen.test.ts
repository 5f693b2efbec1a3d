import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { launchWithProfile, saveScreenshot } from './support/browser.ts';
import { scanWithAxe } from './support/axe.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';

const session = useAppSession();

const REOPENED = 'Reopened “24h follow-up”, where you left off';
const nameField = (page: Page) => page.getByLabel('Workflow name');
const table = (page: Page) => page.getByRole('table', { name: 'Workflows' });
const notice = (page: Page) => page.getByRole('region', { name: 'Reopened Workflow' });
const goHome = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();

let profile: string | undefined;
let browser: BrowserContext | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = undefined;
});

/** A new browser session on the same profile (what the app stored survives), at the app's `/`. */
async function relaunchAtHome(): Promise<Page> {
  await browser?.close();
  browser = await launchWithProfile(profile as string);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(session.url());
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** A Workflow from the 24 h follow-up example, shown in the builder; returns its id. */
async function createInBuilder(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await nameField(page).waitFor();
  return new URL(page.url()).pathname.split('/').pop() as string;
}

/** Waits until IndexedDB holds the screen shown last (the write is asynchronous; the browser is closed next). */
async function waitUntilStored(page: Page, shownInBuilder: string | null): Promise<void> {
  await expect
    .poll(async () => (JSON.parse(await dumpIndexedDb(page)) as { view?: { shownInBuilder?: string | null }[] }).view?.[0]?.shownInBuilder, { timeout: 5000 })
    .toBe(shownInBuilder);
}

describe('/ in a new browser session', () => {
  it('shows the overview when the person last stood on it, though a Workflow was opened before', async () => {
    profile = mkdtempSync(join(tmpdir(), 'exitflow-profile-'));
    let page = await relaunchAtHome();
    await createInBuilder(page);
    await goHome(page);
    await table(page).waitFor();
    await waitUntilStored(page, null);

    page = await relaunchAtHome();
    expect(new URL(page.url()).pathname).toBe('/');
    await table(page).getByRole('cell', { name: '24h follow-up' }).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Workflows');
    expect(await notice(page).count()).toBe(0);
  });

  it('reopens the builder the person left from, says so with the way back, and says it once', async () => {
    profile = mkdtempSync(join(tmpdir(), 'exitflow-profile-'));
    let page = await relaunchAtHome();
    const id = await createInBuilder(page);
    await waitUntilStored(page, id);

    page = await relaunchAtHome();
    await nameField(page).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/builder/${id}`);
    await notice(page).waitFor();
    expect(await notice(page).textContent()).toBe(`${REOPENED}Back to Workflows`);
    await page.locator('.react-flow__node').first().waitFor();
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await saveScreenshot(page, `reopen-notice-${width}x${height}`, { fullPage: false });
      // In the app bar's free end: over none of the builder, clear of the navigation, and the builder still fits the window.
      const box = await notice(page).boundingBox();
      const bar = await page.locator('.app-bar').boundingBox();
      const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
      if (!box || !bar || !nav) throw new Error('the notice, the app bar or the navigation is not shown');
      expect(box.y).toBeGreaterThanOrEqual(bar.y);
      expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height);
      expect(box.x).toBeGreaterThan(nav.x + nav.width);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(height);
    }
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);

    await notice(page).getByRole('link', { name: 'Back to Workflows' }).click();
    await table(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // Back to the builder and a reload: the same session, nothing reopened, nothing said again.
    await page.goBack();
    await nameField(page).waitFor();
    expect(await notice(page).count()).toBe(0);
    await page.reload();
    await nameField(page).waitFor();
    expect(await notice(page).count()).toBe(0);
  });

  it('lets the notice be dismissed', async () => {
    profile = mkdtempSync(join(tmpdir(), 'exitflow-profile-'));
    let page = await relaunchAtHome();
    const id = await createInBuilder(page);
    await waitUntilStored(page, id);
    page = await relaunchAtHome();
    await notice(page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice(page).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/builder/${id}`);
  });
});
