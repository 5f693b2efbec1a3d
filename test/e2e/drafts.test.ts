import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { launchWithProfile, saveScreenshot } from './support/browser.ts';

const session = useAppSession();

const nameField = (page: Page) => page.getByLabel('Workflow name');
const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });

/** Creates a Workflow from the overview and waits for the builder to show it. */
async function createWorkflow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New Workflow' }).click();
  await nameField(page).waitFor();
  return new URL(page.url()).pathname.split('/').pop() as string;
}

describe('drafts in IndexedDB', () => {
  it('keeps an edit through a crashed page and a relaunched browser, and reopens the Workflow that was open where the canvas looked', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'exitflow-profile-'));
    try {
      let browser = await launchWithProfile(profile);
      let page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(session.url());
      const id = await createWorkflow(page);
      await nameField(page).fill('Crash-proof draft');
      // Look at another part of the canvas: the view is restored too.
      await page.locator('.react-flow__controls-zoomin').click();
      await page.locator('.react-flow__controls-zoomin').click();
      await page.waitForTimeout(1000);
      const view = await page.locator('.react-flow__viewport').getAttribute('style');
      // Kill the page's renderer process, as a crash would, then the browser.
      const cdp = await browser.newCDPSession(page);
      const crashed = page.waitForEvent('crash');
      void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
      await crashed;
      await browser.close();

      browser = await launchWithProfile(profile);
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(session.url());
      await nameField(page).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/builder/${id}`);
      expect(await nameField(page).inputValue()).toBe('Crash-proof draft');
      await page.locator('.react-flow__node').first().waitFor();
      expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(view);
      await browser.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('shows an edit made in one tab in another tab on the same Workflow', async () => {
    const first = await session.open();
    const id = await createWorkflow(first);
    const second = await session.openTab({ path: `/builder/${id}` });
    await nameField(second).waitFor();
    const started = Date.now();
    await nameField(first).fill('Renamed in the first tab');
    await second.waitForFunction(() => document.querySelector<HTMLInputElement>('[aria-label="Workflow name"], input.builder-name__input')?.value === 'Renamed in the first tab');
    console.log(`the edit reached the other tab after ${Date.now() - started} ms (autosave waits 500 ms)`);
    expect(await saveStatus(second).textContent()).toMatch(/Saved/);
  });

  it('reports conflicting edits from two tabs and keeps both: theirs stored, mine as a copy', async () => {
    const first = await session.open();
    const id = await createWorkflow(first);
    const second = await session.openTab({ path: `/builder/${id}` });
    await nameField(second).waitFor();
    // Both tabs edit before either autosaves: the second saves first, the first is told.
    await nameField(second).fill('Second tab’s name');
    await nameField(first).fill('First tab’s name');
    const banner = first.getByRole('alert', { name: 'Edit conflict' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Changed in another tab');
    await saveScreenshot(first, 'drafts-conflict', { fullPage: false });
    expect(await nameField(first).inputValue()).toBe('First tab’s name');

    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await first.waitForURL((url) => url.pathname.startsWith('/builder/') && !url.pathname.endsWith(`/${id}`));
    await first.waitForFunction(() => document.querySelector<HTMLInputElement>('input.builder-name__input')?.value === 'First tab’s name (my copy)');
    await first.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const table = first.getByRole('table', { name: 'Workflows' });
    await table.getByRole('link', { name: 'First tab’s name (my copy)' }).waitFor();
    expect(await table.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Second tab’s name', 'First tab’s name (my copy)']));
  });
});
