import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot, type OpenOptions } from './support/browser.ts';
import { showSideTab } from './support/simulator.ts';
import { waitForToast } from './support/toasts.ts';

const session = useAppSession();

/**
 * Menus, tooltips and dialogs load their code on first use (src/ui/DropdownMenu.tsx,
 * src/ui/Tooltip.tsx, src/ui/Dialog.tsx, src/ui/ConfirmDialog.tsx). Their chunks are held back
 * here, so every press and key lands before the code has arrived: what a slow network does to a
 * first open.
 */
const HELD_MS = 400;
const holdChunks = (page: Page) =>
  page.route(/\/assets\/Loaded(DropdownMenu|Tooltip|Dialog|ConfirmDialog)-[^/]+\.js$/, async (route: Route) => {
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

/** Counts every element of `role` the page draws from now on, to tell one open from a flash of open, closed, open. */
async function countDrawn(page: Page, role: 'menu' | 'dialog' | 'alertdialog'): Promise<() => Promise<number>> {
  await page.evaluate((role) => {
    const seen = new WeakSet<Element>();
    (window as unknown as { drawn: number }).drawn = 0;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(`[role="${role}"]`)) {
        if (seen.has(element)) continue;
        seen.add(element);
        (window as unknown as { drawn: number }).drawn += 1;
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, role);
  return () => page.evaluate(() => (window as unknown as { drawn: number }).drawn);
}

describe('a menu opened before its code has loaded', () => {
  it('opens on the first click, once, and its item works', async () => {
    const page = await overviewWithOneWorkflow();
    const drawn = await countDrawn(page, 'menu');
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

const keepButton = (page: Page) => page.getByRole('region', { name: 'Session' }).getByRole('button', { name: 'Keep with a Workflow…' });
const keepDialog = (page: Page) => page.getByRole('dialog', { name: 'Keep this session with a Workflow' });
const isFocused = (page: Page, locator: ReturnType<typeof keepButton>) => locator.evaluate((element) => element === document.activeElement);

/** A stored Workflow, then the Messages view opened afresh (no dialog code loaded yet), chunks held. */
async function messagesWithOneWorkflow(options?: OpenOptions): Promise<Page> {
  const page = await session.open(options);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  await holdChunks(page);
  await page.goto(new URL('/messages', page.url()).href);
  await keepButton(page).waitFor();
  return page;
}

describe('a dialog opened before its code has loaded', () => {
  it('opens on the first click with focus in it, says so on its button, and Escape gives focus back to the button', async () => {
    const page = await messagesWithOneWorkflow();
    const button = await keepButton(page).elementHandle();
    expect(await keepButton(page).getAttribute('aria-haspopup')).toBe('dialog');
    expect(await keepButton(page).getAttribute('aria-expanded')).toBe('false');
    await keepButton(page).click();
    await keepDialog(page).waitFor();
    await expect.poll(() => keepDialog(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    // The same button throughout (hidden from the accessibility tree under the modal dialog), told by Radix that its dialog is open.
    expect(await button?.evaluate((element) => element.isConnected && element.getAttribute('aria-expanded'))).toBe('true');
    expect(await button?.getAttribute('aria-controls')).toBe(await keepDialog(page).getAttribute('id'));
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'first-open-keep-dialog-1280x720', { fullPage: false });
    await page.keyboard.press('Escape');
    await keepDialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, keepButton(page))).toBe(true);
    expect(await keepButton(page).getAttribute('aria-expanded')).toBe('false');
  });

  it('opens one dialog for two clicks 50 ms apart, and it stays open', async () => {
    const page = await messagesWithOneWorkflow();
    const drawn = await countDrawn(page, 'dialog');
    await keepButton(page).click();
    await page.waitForTimeout(50);
    await keepButton(page).click();
    await keepDialog(page).waitFor();
    await page.waitForTimeout(HELD_MS + 300);
    expect(await keepDialog(page).isVisible()).toBe(true);
    expect(await drawn()).toBe(1);
    // Its footer's Cancel (DialogClose) closes it.
    await keepDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await keepDialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, keepButton(page))).toBe(true);
  });

  it('opens nothing when Escape was pressed before the code arrived; the next click opens it', async () => {
    const page = await messagesWithOneWorkflow();
    await keepButton(page).click();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(HELD_MS + 300);
    expect(await keepDialog(page).count()).toBe(0);
    await keepButton(page).click();
    await keepDialog(page).waitFor();
  });

  it('leaves no dead button when its code could not be fetched: the next click fetches it again and opens', async () => {
    const page = await messagesWithOneWorkflow();
    let refused = 0;
    await page.route(/\/assets\/LoadedDialog-[^/]+\.js$/, async (route: Route) => {
      refused += 1;
      await route.abort('internetdisconnected');
    });
    await keepButton(page).click();
    await expect.poll(() => refused).toBe(1);
    await page.waitForTimeout(300);
    expect(await keepDialog(page).count()).toBe(0);
    expect(await keepButton(page).getAttribute('aria-expanded')).toBe('false');
    await page.unroute(/\/assets\/LoadedDialog-[^/]+\.js$/);
    await keepButton(page).click();
    await keepDialog(page).waitFor();
  });

  it('a question opened from a menu item before any code arrived opens once, and Cancel gives focus back to the menu button', async () => {
    const page = await overviewWithOneWorkflow();
    await page.setViewportSize({ width: 1280, height: 720 });
    const drawn = await countDrawn(page, 'alertdialog');
    await rowMenu(page).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const question = page.getByRole('alertdialog', { name: 'Delete “Untitled Workflow”?' });
    await question.waitFor();
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'first-open-delete-question-1280x720', { fullPage: false });
    expect(await drawn()).toBe(1);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, rowMenu(page))).toBe(true);
  });
});

describe('dialogs opened from elsewhere fetch their code ahead', () => {
  const fetched = (page: Page, chunk: string) => page.evaluate((chunk) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/assets/${chunk}-`)), chunk);

  it('reaching a row’s menu fetches the row dialogs’, Dialog’s and ConfirmDialog’s code', async () => {
    const page = await overviewWithOneWorkflow();
    for (const chunk of ['WorkflowRowDialogs', 'LoadedDialog', 'LoadedConfirmDialog']) expect(await fetched(page, chunk)).toBe(false);
    await rowMenu(page).hover();
    for (const chunk of ['WorkflowRowDialogs', 'LoadedDialog', 'LoadedConfirmDialog']) await expect.poll(() => fetched(page, chunk)).toBe(true);
  });
});

describe('Copy link before its code has loaded', () => {
  const shareCode = /\/assets\/checkedShareFragment-[^/]+\.js$/;

  it('is drawn at once and fetches the link code on the press; a press that could not fetch it says so, and the next one copies', async () => {
    const page = await messagesWithOneWorkflow({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/checkedShareFragment-')).length);
    expect(await fetched()).toBe(0);
    let refused = 0;
    await page.route(shareCode, async (route: Route) => {
      refused += 1;
      await route.abort('internetdisconnected');
    });
    const copy = page.getByRole('region', { name: 'Session' }).getByRole('button', { name: 'Copy link' });
    await copy.click();
    const toasts = await waitForToast(page, 'The link was not made');
    expect(refused).toBe(1);
    expect(toasts.find((toast) => toast.title === 'The link was not made')?.description).toMatch(/Failed to fetch/);
    await page.unroute(shareCode);
    await copy.click();
    await waitForToast(page, /^Link copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/simulator\/shared#s1\./);
  });
});

/** Refuses every fetch of a chunk (offline for a moment) until `restore`; counts the refusals. */
async function refuse(page: Page, chunk: RegExp) {
  let refused = 0;
  await page.route(chunk, async (route: Route) => {
    refused += 1;
    await route.abort('internetdisconnected');
  });
  return { refused: () => refused, restore: () => page.unroute(chunk) };
}

// Chromium keeps a dynamic import that failed failed for the page's life: asked again, it fails at
// once without asking the network. Each case below is a button that stayed dead after that.
describe('code that could not be fetched once is fetched on the next ask', () => {
  it('a menu: the press that could not fetch its code opens nothing, the next press opens it', async () => {
    const page = await overviewWithOneWorkflow();
    const menuCode = await refuse(page, /\/assets\/LoadedDropdownMenu-[^/]+\.js$/);
    await rowMenu(page).click();
    await expect.poll(menuCode.refused).toBe(1);
    await page.waitForTimeout(300);
    const menu = page.getByRole('menu', { name: 'Actions for Untitled Workflow' });
    expect(await menu.count()).toBe(0);
    expect(await rowMenu(page).getAttribute('aria-expanded')).toBe('false');
    await menuCode.restore();
    await rowMenu(page).click();
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Rename…' }).click();
    await page.getByRole('dialog', { name: 'Rename Workflow' }).waitFor();
  });

  it('a tooltip: keyboard focus that could not fetch its code shows nothing, the next focus shows it', async () => {
    const page = await overviewWithOneWorkflow();
    const tooltipCode = await refuse(page, /\/assets\/LoadedTooltip-[^/]+\.js$/);
    await rowMenu(page).focus();
    await expect.poll(tooltipCode.refused).toBe(1);
    await page.waitForTimeout(300);
    const tooltip = page.getByRole('tooltip', { name: 'Actions for Untitled Workflow' });
    expect(await tooltip.count()).toBe(0);
    await rowMenu(page).blur();
    await tooltipCode.restore();
    await rowMenu(page).focus();
    await tooltip.waitFor();
  });

  it('a row’s dialogs: a choice whose dialog could not be fetched opens nothing and gives focus back to the menu button; the next choice opens it', async () => {
    const page = await overviewWithOneWorkflow();
    // Every ask is refused, the one that fetches at another address too, until the network is back.
    const dialogsCode = await refuse(page, /\/assets\/WorkflowRowDialogs-[^/?]+\.js(\?[^/]*)?$/);
    await rowMenu(page).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await expect.poll(dialogsCode.refused).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const rename = page.getByRole('dialog', { name: 'Rename Workflow' });
    expect(await rename.count()).toBe(0);
    await expect.poll(() => isFocused(page, rowMenu(page))).toBe(true);
    await dialogsCode.restore();
    await rowMenu(page).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await rename.waitFor();
  });
});

describe('an export chosen before its code has loaded', () => {
  it('a PNG whose code could not be fetched says so beside the button; the next choice, made before the code arrives, downloads it', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead' });
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await showSideTab(page, 'Run');
    await page.locator('.transcript__activity--stop').first().waitFor();
    const pngCode = /\/assets\/svgToPng-[^/?]+\.js(\?[^/]*)?$/;
    let offline = true;
    let asked = 0;
    await page.route(pngCode, async (route: Route) => {
      asked += 1;
      if (offline) return route.abort('internetdisconnected');
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
      return route.continue();
    });
    const exportImage = page.getByRole('button', { name: 'Export image' });
    await exportImage.click();
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    await page.getByRole('alert').filter({ hasText: 'The PNG could not be made' }).waitFor();
    offline = false;
    const before = asked;
    await exportImage.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PNG' }).click()]);
    expect(asked).toBeGreaterThan(before);
    expect(download.suggestedFilename()).toMatch(/-run\.png$/);
    expect(await page.getByRole('alert').filter({ hasText: 'The PNG could not be made' }).count()).toBe(0);
  });
});
