import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';

const session = useAppSession();

/**
 * The overview's menus and tooltips load their code on first use (src/ui/DropdownMenu.tsx,
 * src/ui/Tooltip.tsx). Their chunks are held back here, so every press and key lands before the
 * code has arrived: what a slow network does to a first open.
 */
const HELD_MS = 400;
const holdChunks = (page: Page) =>
  page.route(/\/assets\/Loaded(DropdownMenu|Tooltip)-[^/]+\.js$/, async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, HELD_MS));
    await route.continue();
  });

const rowMenu = (page: Page) => page.getByRole('button', { name: 'Actions for Untitled Workflow', exact: true });

/** A stored Workflow, then the overview opened afresh (no menu or tooltip code loaded yet), chunks held. */
async function overviewWithOneWorkflow(): Promise<Page> {
  const page = await session.open();
  await page.getByRole('button', { name: 'New Workflow' }).click();
  await page.getByLabel('Workflow name').waitFor();
  await holdChunks(page);
  await page.goto(new URL('/', page.url()).href);
  await rowMenu(page).waitFor();
  return page;
}

/** Counts every menu the page draws from now on, to tell one open from a flash of open, closed, open. */
async function countMenusDrawn(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const seen = new WeakSet<Element>();
    (window as unknown as { menusDrawn: number }).menusDrawn = 0;
    new MutationObserver(() => {
      for (const menu of document.querySelectorAll('[role="menu"]')) {
        if (seen.has(menu)) continue;
        seen.add(menu);
        (window as unknown as { menusDrawn: number }).menusDrawn += 1;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { menusDrawn: number }).menusDrawn);
}

describe('a menu opened before its code has loaded', () => {
  it('opens on the first click, once, and its item works', async () => {
    const page = await overviewWithOneWorkflow();
    const drawn = await countMenusDrawn(page);
    const button = await rowMenu(page).elementHandle();
    await rowMenu(page).click();
    const menu = page.getByRole('menu', { name: 'Actions for Untitled Workflow' });
    await menu.waitFor();
    await page.waitForTimeout(300);
    expect(await menu.isVisible()).toBe(true);
    expect(await drawn()).toBe(1);
    // The same button throughout: Radix works through it, never draws another in its place.
    expect(await button?.evaluate((element) => element.isConnected && element.getAttribute('aria-expanded'))).toBe('true');
    await menu.getByRole('menuitem', { name: 'Rename…' }).click();
    await page.getByRole('dialog', { name: 'Rename Workflow' }).waitFor();
  });

  it('opens from the keyboard with focus on its first item, and Escape gives focus back to its button', async () => {
    const page = await overviewWithOneWorkflow();
    const button = await rowMenu(page).elementHandle();
    await rowMenu(page).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Actions for Untitled Workflow' });
    await menu.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Open in builder');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rename…');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => button?.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('takes clicks 50 ms apart as a person meant them: open, closed, open', async () => {
    const page = await overviewWithOneWorkflow();
    const menu = page.getByRole('menu', { name: 'Actions for Untitled Workflow' });
    await rowMenu(page).click();
    await page.waitForTimeout(50);
    await rowMenu(page).click();
    await page.waitForTimeout(HELD_MS + 300);
    expect(await menu.count()).toBe(0);
    await rowMenu(page).click();
    await page.waitForTimeout(50);
    await rowMenu(page).click();
    await page.waitForTimeout(50);
    await rowMenu(page).click();
    await menu.waitFor();
    await page.waitForTimeout(300);
    expect(await menu.isVisible()).toBe(true);
  });

  it('New from example opens on the first click and makes the chosen example', async () => {
    const page = await session.open({ prepare: holdChunks });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByLabel('Workflow name').waitFor();
    expect(await page.getByLabel('Workflow name').inputValue()).toBe('24h follow-up');
  });
});

describe('a tooltip shown before its code has loaded', () => {
  it('shows on hover, and a click made while its code loads is not lost', async () => {
    const page = await overviewWithOneWorkflow();
    await rowMenu(page).hover();
    await page.getByRole('tooltip', { name: 'Actions for Untitled Workflow' }).waitFor();
    await page.mouse.move(0, 0);
    await page.reload();
    await rowMenu(page).waitFor();
    // Hover and press at once: the press lands while the tooltip's code is held back.
    await rowMenu(page).click();
    await page.getByRole('menu', { name: 'Actions for Untitled Workflow' }).waitFor();
  });

  it('shows on keyboard focus, focus staying on the button', async () => {
    const page = await overviewWithOneWorkflow();
    await rowMenu(page).focus();
    await page.getByRole('tooltip', { name: 'Actions for Untitled Workflow' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Actions for Untitled Workflow');
    expect(await rowMenu(page).getAttribute('aria-describedby')).toBeTruthy();
  });
});
