import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { readTable } from './support/readTable.ts';
import { simulateExample } from './support/simulator.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const example = (name: string) => readFileSync(join(root, 'public/examples/follow-up', name));
const SCRIPT_NAME = 'Incoming message: the contact writes again, the follow-up is pointless';
const OTHER_SCRIPT_NAME = 'Same instant: a reply in the very second the follow-up is due wins';

/**
 * The 24 h follow-up stored from its example with two saved scripts and two versions in its history:
 * "Waits 24h", then "Waits 2h" (the Wait's duration and label changed, nothing else).
 */
async function followUpWithTwoVersions(page: Page): Promise<void> {
  await simulateExample(page, '24h follow-up');
  for (const file of ['contact-replies.script.json', 'reply-at-the-same-second.script.json']) {
    const before = await page.evaluate(() => location.search);
    await page.getByLabel('Script file to import').setInputFiles({ name: file, mimeType: 'application/json', buffer: example(file) });
    await page.waitForFunction((search) => location.search !== search && new URLSearchParams(location.search).get('script')?.startsWith('saved:'), before);
  }
  await page.goBack();
  await page.getByLabel('Workflow name').waitFor();

  await saveVersion(page, 'Waits 24h');
  await page.locator('[data-testid="node-wait"]').click();
  const duration = page.getByLabel('Duration');
  await duration.fill('2h');
  const label = page.getByLabel('Label', { exact: true });
  await label.fill('Wait 2h');
  await page.waitForFunction(() => document.querySelector('[data-testid="node-wait"]')?.textContent?.includes('For 2h'));
  await saveVersion(page, 'Waits 2h');
}

async function saveVersion(page: Page, note: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Save version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save version' });
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function openHistory(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('list', { name: 'Versions' }).getByRole('listitem').nth(1).waitFor();
  return history;
}

/** The Compare button of the history's row with this note. */
const compareButton = (history: Locator, note: string) => history.getByRole('listitem').filter({ hasText: note }).getByRole('button', { name: /^Compare/ });

async function expectFitsWindow(page: Page, what: string): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const seen = await page.evaluate(() => {
    const box = (selector: string) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, height: rect.height, width: rect.width } : null;
    };
    return {
      scrollHeight: document.scrollingElement?.scrollHeight ?? Number.NaN,
      scrollWidth: document.scrollingElement?.scrollWidth ?? Number.NaN,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      dialog: box('.ui-dialog:has(.compare-view)'),
      canvases: [...document.querySelectorAll('.compare-view__canvas')].map((canvas) => canvas.getBoundingClientRect().height),
      // The view inside the dialog body: nothing of it spills below the dialog.
      view: box('.compare-view'),
    };
  });
  expect(seen.scrollHeight, `${what}: page height`).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(seen.innerWidth);
  expect(seen.dialog, `${what}: the dialog`).not.toBeNull();
  if (!seen.dialog || !seen.view) return;
  expect(seen.dialog.top, `${what}: dialog top`).toBeGreaterThanOrEqual(0);
  expect(seen.dialog.bottom, `${what}: dialog bottom`).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.dialog.right, `${what}: dialog right`).toBeLessThanOrEqual(seen.innerWidth);
  expect(seen.view.bottom, `${what}: the view inside the dialog`).toBeLessThanOrEqual(seen.dialog.bottom);
  expect(seen.canvases, `${what}: two canvases`).toHaveLength(2);
  for (const height of seen.canvases) expect(height, `${what}: a canvas tall enough to read`).toBeGreaterThanOrEqual(180);
}

describe('compare two versions (issue 17, browser test c)', () => {
  it('marks the changed step on both sides, lists its changed field, and shows the outcome diff on a picked saved script', async () => {
    const page = await session.open({ contextOptions: { viewport: { width: 1280, height: 720 } } });
    await followUpWithTwoVersions(page);
    const history = await openHistory(page);

    // Rapid input: a double click on Compare opens one view, and it stays open.
    const box = await compareButton(history, 'Waits 24h').boundingBox();
    if (!box) throw new Error('No Compare button on the row');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(50);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const compare = page.getByRole('dialog', { name: 'Compare versions' });
    await compare.waitFor();
    expect(await page.getByRole('dialog', { name: 'Compare versions' }).count()).toBe(1);

    // Two history versions: the one saved as "Waits 2h" on the right instead of the draft.
    const newer = compare.getByLabel('Newer', { exact: true });
    const versionOption = await newer.locator('option').filter({ hasNotText: 'Current draft' }).first().getAttribute('value');
    await newer.selectOption(versionOption ?? '');
    expect(await compare.getByRole('status').first().textContent()).toBe('1 step changed, 0 added, 0 removed; settings unchanged');

    const older = compare.getByRole('region', { name: /^Older: Saved/ });
    const newerSide = compare.getByRole('region', { name: /^Newer: Saved/ });
    await older.getByRole('group', { name: 'Changed: Wait 24h' }).waitFor();
    await newerSide.getByRole('group', { name: 'Changed: Wait 2h' }).waitFor();
    // Unchanged steps carry no mark.
    expect(await older.getByRole('group', { name: /^(Changed|Added|Removed): Acknowledge/ }).count()).toBe(0);
    // The word is on screen too, not only in the name.
    expect(await newerSide.locator('.compare-node--changed').evaluate((node) => getComputedStyle(node, '::after').content)).toBe('"Changed"');

    // Picking the step on the canvas lists its changed fields.
    await newerSide.getByRole('group', { name: 'Changed: Wait 2h' }).click();
    const fields = compare.getByRole('table', { name: 'Changed: Wait 2h (Wait)' });
    expect(await readTable(fields)).toEqual([
      { Field: 'label', Before: '"Wait 24h"', After: '"Wait 2h"' },
      { Field: 'delay.duration', Before: '"24h"', After: '"2h"' },
    ]);

    // Two boxes ticked 50 ms apart both count, and a double click on Compare outcomes gives one answer.
    await compare.getByRole('checkbox', { name: SCRIPT_NAME }).click();
    await page.waitForTimeout(50);
    await compare.getByRole('checkbox', { name: OTHER_SCRIPT_NAME }).click();
    await compare.getByRole('button', { name: 'Compare outcomes' }).dblclick();
    const runs = compare.getByRole('table', { name: /^Runs that change between the two versions/ });
    await runs.waitFor({ timeout: 20_000 });
    const rows = await readTable(runs);
    expect(new Set(rows.map((row) => row['Script']))).toEqual(new Set([SCRIPT_NAME, OTHER_SCRIPT_NAME]));
    expect(await runs.getAttribute('aria-label')).toMatch(new RegExp(`: ${rows.length} of \\d+ runs change`));
    const omar = rows.find((row) => row['Script'] === SCRIPT_NAME && row['Contact']?.startsWith('Omar') && !row['Contact'].includes('(run'));
    expect(omar?.['Before']).toContain('Stopped at Wait 24h');
    expect(omar?.['After']).toContain('Completed at End');
    // Unticking a script and comparing again leaves only the other's runs.
    await compare.getByRole('checkbox', { name: OTHER_SCRIPT_NAME }).click();
    await compare.getByRole('button', { name: 'Compare outcomes' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label^="Runs that change between the two versions"]')?.getAttribute('aria-label')?.endsWith('2 of 2 runs change'));

    await expectFitsWindow(page, '1280×720');
    await saveScreenshot(page, 'compare-versions-1280x720', { fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectFitsWindow(page, '1920×1080');
    await saveScreenshot(page, 'compare-versions-1920x1080', { fullPage: false });

    // WCAG 2.1 A/AA and axe's best practices, with the marks, the fields and the outcome table shown.
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);

    // A past version cannot be played in the simulator (it plays the stored draft): its rows open nothing, and a line says when they do.
    expect(await runs.getByRole('button', { name: /^Open/ }).count()).toBe(0);
    await compare.getByText(/A run opens in the simulator when the newer side is/).waitFor();

    // Escape closes the comparison and leaves the history open behind it.
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });
    await history.getByRole('list', { name: 'Versions' }).waitFor();

    // Against the current draft, a changed run opens in the simulator on its contact, where the two sides part.
    await compareButton(history, 'Waits 24h').click();
    await compare.getByRole('checkbox', { name: SCRIPT_NAME }).click();
    await compare.getByRole('button', { name: 'Compare outcomes' }).click();
    await runs.getByRole('button', { name: /^Open/ }).first().click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    const opened = new URL(page.url()).searchParams;
    expect(opened.get('contact')).toBe('omar');
    expect(opened.get('script')).toMatch(/^saved:/);
    expect(session.current()?.errors).toEqual([]);
  });
});
