import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { readToasts, waitForToast } from './support/toasts.ts';

const session = useAppSession();

/**
 * The Messages view draws its first frame without the Workflows panel's code (its tabs, the ongoing
 * runs and their Stop question, the shortcuts): it is fetched as the pointer or focus reaches the
 * Workflows icon, and a press made before it arrives is kept (src/screens/messages/conversation/
 * workflowsPanelCode.tsx). Its chunk is held back or refused here, so every press lands first.
 */
const PANEL_CHUNK = /\/assets\/WorkflowsPanel-[^/]+\.js$/;
const HELD_MS = 400;

const workflowsButton = (page: Page) => page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Workflows' });
const fetched = (page: Page, chunk: string) =>
  page.evaluate((chunk) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`/assets/${chunk}-`)).length, chunk);

/** A route that lets each request through HELD_MS late, so a press can land before the code arrives. */
async function holdBack(route: Route): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, HELD_MS));
  await route.continue();
}

/** A route that refuses its requests as a dropped connection would, counting them, until `allow()` lets the next ones through. */
function refuseUntilAllowed() {
  let refused = 0;
  let refusing = true;
  return {
    route: async (route: Route): Promise<void> => {
      if (!refusing) return route.continue();
      refused += 1;
      await route.abort('internetdisconnected');
    },
    refused: () => refused,
    allow: () => {
      refusing = false;
    },
  };
}

/** A stored 24 h follow-up, then the Messages view opened afresh with `route` on `chunk`, Alice working. */
async function inboxAfresh(route: (route: Route) => Promise<void>, chunk: RegExp = PANEL_CHUNK): Promise<Page> {
  const page = await session.open();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  await page.route(chunk, route);
  await page.goto(new URL('/messages', page.url()).href);
  await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
  await workflowsButton(page).waitFor();
  return page;
}

/** Counts every Workflows panel the page draws from now on, to tell one open from a flash of open, closed, open. */
async function countPanels(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const seen = new WeakSet<Element>();
    (window as unknown as { panels: number }).panels = 0;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('#workflows-panel')) {
        if (seen.has(element)) continue;
        seen.add(element);
        (window as unknown as { panels: number }).panels += 1;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { panels: number }).panels);
}

describe('the Workflows panel before its code has loaded', () => {
  it('is not part of the first load, and two presses 50 ms apart open it once, where it stays', async () => {
    const page = await inboxAfresh(holdBack);
    expect(await fetched(page, 'WorkflowsPanel')).toBe(0);
    const drawn = await countPanels(page);
    await workflowsButton(page).click();
    await page.waitForTimeout(50);
    await workflowsButton(page).click();
    await panel(page).waitFor();
    await page.waitForTimeout(HELD_MS + 300);
    expect(await panel(page).isVisible()).toBe(true);
    expect(await drawn()).toBe(1);
    expect(await fetched(page, 'WorkflowsPanel')).toBe(1);
    expect(await workflowsButton(page).getAttribute('aria-expanded')).toBe('true');
    // Loaded, the icon toggles as before: the next press closes it.
    await workflowsButton(page).click();
    await panel(page).waitFor({ state: 'detached' });
    expect(await workflowsButton(page).getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves no dead button when its code could not be fetched: the next press fetches it again and opens', async () => {
    const refusal = refuseUntilAllowed();
    const page = await inboxAfresh(refusal.route);
    await workflowsButton(page).click();
    await expect.poll(refusal.refused).toBe(1);
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    expect(await workflowsButton(page).getAttribute('aria-expanded')).toBe('false');
    refusal.allow();
    await workflowsButton(page).click();
    await panel(page).waitFor();
    await panel(page).getByRole('tab', { name: /^Ongoing Workflows/ }).waitFor();
  });
});

/** The session bar's script files: the code behind Save session as script and Keep with a Workflow (src/screens/messages/inbox/useScriptFiles.tsx). */
const FILES_CHUNK = /\/assets\/SessionScriptFiles-[^/]+\.js$/;
const sessionBar = (page: Page) => page.getByRole('region', { name: 'Session' });

describe('the session bar\'s script files before their code has loaded', () => {
  it('are not part of the first load; two presses of Save session as script 50 ms apart both download, and Keep saves once for a double click', async () => {
    const page = await inboxAfresh(holdBack, FILES_CHUNK);
    expect(await fetched(page, 'SessionScriptFiles')).toBe(0);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const save = sessionBar(page).getByRole('button', { name: 'Save session as script' });
    await save.click();
    await page.waitForTimeout(50);
    await save.click();
    await expect.poll(() => downloads.length, { timeout: HELD_MS + 5000 }).toBe(2);
    expect(downloads[0]).toMatch(/\.json$/);
    expect(await fetched(page, 'SessionScriptFiles')).toBe(1);

    await sessionBar(page).getByRole('button', { name: 'Keep with a Workflow…' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep this session with a Workflow' });
    // A double click: the second press must not save a second copy.
    await keep.getByRole('button', { name: 'Save script' }).dblclick();
    const toasts = await waitForToast(page, /Saved “.*” with “24h follow-up”/);
    await keep.waitFor({ state: 'detached' });
    expect(toasts.filter((toast) => /^Saved /.test(toast.title))).toHaveLength(1);
  });

  it('a press whose code could not be fetched says so, and the next press fetches it again and downloads', async () => {
    const refusal = refuseUntilAllowed();
    const page = await inboxAfresh(refusal.route, FILES_CHUNK);
    const save = sessionBar(page).getByRole('button', { name: 'Save session as script' });
    await save.click();
    await waitForToast(page, 'The session was not saved as a file');
    expect(refusal.refused()).toBe(1);
    refusal.allow();
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  });
});

/** The words for what a publish did to the session's runs (src/screens/messages/live/publishOutcome.ts), fetched on the first publish played into it. */
const OUTCOME_CHUNK = /\/assets\/publishOutcome-[^/]+\.js$/;
const nav = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();

/** Publish from the builder, as a person does: the toolbar's Publish, the policy for runs in flight (after the first), the dialog's Publish. */
async function publish(page: Page, policy?: string): Promise<void> {
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish “24h follow-up”' });
  if (policy) await dialog.getByRole('radio', { name: policy }).check();
  else await dialog.getByText('This is the first publish of this Workflow').waitFor();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A new version of the stored 24 h follow-up: its Wait's duration changed, published with Move them. */
async function publishNewWait(page: Page, duration: string): Promise<void> {
  await nav(page, 'Workflows');
  await page.getByRole('link', { name: '24h follow-up', exact: true }).click();
  await page.getByTestId('node-wait').click();
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Duration', { exact: true }).fill(duration);
  await publish(page, 'Move them to the new version');
}

describe('a publish played into the session before its words\' code has loaded', () => {
  it('is still told when that code could not be fetched, and the next publish fetches it again and says what it did', async () => {
    const page = await session.open({ contextOptions: { viewport: { width: 1280, height: 720 } } });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByTestId('node-trigger').waitFor();
    await publish(page);
    await nav(page, 'Messages');
    await page.getByRole('region', { name: 'Session' }).waitFor();
    expect(await fetched(page, 'publishOutcome')).toBe(0);
    const refusal = refuseUntilAllowed();
    await page.route(OUTCOME_CHUNK, refusal.route);

    await publishNewWait(page, '2h');
    await nav(page, 'Messages');
    await waitForToast(page, '24h follow-up published');
    expect(refusal.refused()).toBe(1);
    expect((await readToasts(page)).map((toast) => toast.title)).toContain('24h follow-up published');

    await page.unroute(OUTCOME_CHUNK);
    await publishNewWait(page, '3h');
    await nav(page, 'Messages');
    await waitForToast(page, /^24h follow-up version 3 published: /);
  });
});
