import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { expectScreenshotMatches, REFERENCE_DIR } from './support/matchScreenshot.ts';
import { debugFollowUp, debugScript } from './support/debugFollowUp.ts';
import { openDock } from './support/simulator.ts';

/**
 * Visual regression: each main screen at 1280×720 and 1920×1080, compared with its reference in
 * test/e2e/reference-screenshots/ (support/matchScreenshot.ts). The wall clock is frozen and the
 * zone and locale fixed, so dates and "Saved at" read the same on every run; the engine's times
 * are virtual (the scripts' own dates). `npm run test:screenshots:update` rewrites the references.
 */

/** A Monday morning; what the overview's dates, the save status and the live session start from. */
const FROZEN_NOW = new Date('2026-01-05T09:00:00Z');

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const session = useAppSession();

/** The app in a fresh context of this size, in UTC and US English, its clock frozen, motion reduced. */
const open = (viewport: { width: number; height: number }, path = '/'): Promise<Page> =>
  session.open({
    path,
    contextOptions: { viewport, timezoneId: 'UTC', locale: 'en-US', reducedMotion: 'reduce' },
    prepare: (page) => page.clock.setFixedTime(FROZEN_NOW),
  });

const goTo = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();

async function newFromExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((button) => button.textContent?.includes('Run to end') && button.disabled));
}

describe.each(SIZES)('each main screen looks as its reference at $width×$height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('the overview with two Workflows', async () => {
    const page = await open(viewport);
    await newFromExample(page, '24h follow-up');
    await goTo(page, 'Workflows');
    await newFromExample(page, 'Lead nurture');
    await goTo(page, 'Workflows');
    await page.getByRole('table', { name: 'Workflows' }).getByRole('link', { name: 'Lead nurture' }).waitFor();
    await expectScreenshotMatches(page, `overview-${size}`);
  });

  it('the builder of "24h follow-up"', async () => {
    const page = await open(viewport);
    await newFromExample(page, '24h follow-up');
    await page.getByTestId('node-wait').waitFor();
    await expectScreenshotMatches(page, `builder-${size}`);
  });

  it('the simulator of the hot lead after Run to end', async () => {
    const page = await open(viewport, '/simulator?example=hot-lead');
    await runToEnd(page);
    await expectScreenshotMatches(page, `simulator-${size}`);
  });

  it('the simulator with the Report dock open', async () => {
    const page = await open(viewport, '/simulator?example=hot-lead');
    await runToEnd(page);
    await openDock(page, 'Report');
    await page.locator('.workspace-dock').waitFor();
    await expectScreenshotMatches(page, `simulator-report-${size}`);
  });

  it('the simulator\'s Debugger with the coverage marked on the canvas', async () => {
    const page = await open(viewport);
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'debug.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(debugFollowUp)) });
    await page.getByLabel('Workflow name').waitFor();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByLabel('Script file to import').setInputFiles({ name: 'debug.script.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(debugScript)) });
    await page.getByTestId('node-wait').waitFor();
    await runToEnd(page);
    await openDock(page, 'Debugger');
    const coverage = page.getByRole('region', { name: 'Coverage' });
    await coverage.getByText(/^Coverage: /).waitFor();
    await coverage.getByRole('switch', { name: 'Mark what no script reaches on the canvas' }).click();
    await page.locator('[data-testid="node-pro-note"].flow-node--never-reached').waitFor();
    await expectScreenshotMatches(page, `simulator-coverage-${size}`);
  });

  it('the script editor, over the simulator of a stored Workflow', async () => {
    const page = await open(viewport);
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('group', { name: 'Playback' }).waitFor();
    await page.getByRole('button', { name: 'New script' }).click();
    await page.getByRole('region', { name: 'Script editor' }).waitFor();
    await expectScreenshotMatches(page, `script-editor-${size}`);
  });

  it('the Messages view with a short conversation', async () => {
    const page = await open(viewport);
    await newFromExample(page, '24h follow-up');
    await goTo(page, 'Messages');
    await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
    await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
    await page.getByRole('heading', { name: 'Omar', level: 2 }).waitFor();
    const composer = page.getByRole('form', { name: 'Write a message' });
    await composer.getByRole('radio', { name: /\(contact\)$/ }).check();
    await composer.getByRole('textbox').fill('Hi, do you ship to Norway?');
    await composer.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes("Thanks for your message, Omar!"));
    // The session's clock ran for a moment before Pause: its reading is the one thing left to chance.
    await expectScreenshotMatches(page, `messages-${size}`, { mask: [page.getByTestId('virtual-time'), page.getByTestId('virtual-offset')] });
  });

  it('presenter mode on the hot lead, at the caption of Lead nurture\'s stop', async () => {
    const page = await open(viewport, '/simulator?example=hot-lead');
    await page.getByRole('group', { name: 'Playback' }).waitFor();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const presenter = page.getByRole('dialog', { name: /^Presenting / });
    await presenter.waitFor();
    const caption = () => presenter.getByRole('status').textContent();
    const eventsPlayed = async () => Number(await presenter.getAttribute('data-events-processed'));
    for (let presses = 0; presses < 30 && !/stopped/.test((await caption()) ?? ''); presses++) {
      const before = await eventsPlayed();
      await page.keyboard.press('ArrowRight');
      await expect.poll(eventsPlayed).toBe(before + 1);
    }
    expect(await caption()).toMatch(/Lead nurture stopped: outgoing message/);
    await expectScreenshotMatches(page, `presenter-${size}`);
  });
});

/**
 * The README's pictures are copies of references above, so what a newcomer sees is what the tests
 * hold the screens to; each picture and the reference it copies. Updating the references
 * (UPDATE_SCREENSHOTS=1) copies them again, after the screens above have been pictured.
 */
const README_PICTURES: Readonly<Record<string, string>> = {
  'builder.png': 'builder-1280x720',
  'screenshot.png': 'simulator-report-1280x720',
  'simulator-workspace.png': 'simulator-1280x720',
  'script-editor.png': 'script-editor-1280x720',
  'messages.png': 'messages-1280x720',
  'coverage.png': 'simulator-coverage-1920x1080',
  'presenter.png': 'presenter-1280x720',
};

describe('the README shows the references', () => {
  const root = join(import.meta.dirname, '../..');

  it('every picture in the README is its reference, byte for byte', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/!\[[^\]]*\]\(public\/docs\/([^)\s]+)\)/g)].map((match) => match[1] as string);
    expect(shown.toSorted(), 'the pictures the README shows, each with a reference in README_PICTURES').toEqual(Object.keys(README_PICTURES).toSorted());
    const stale = shown.filter((picture) => {
      const [copy, reference] = [join(root, 'public/docs', picture), join(REFERENCE_DIR, `${README_PICTURES[picture] ?? ''}.png`)];
      if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(reference, copy);
      return !readFileSync(copy).equals(readFileSync(reference));
    });
    expect(stale.map((picture) => `public/docs/${picture} is not ${README_PICTURES[picture] ?? ''}.png: run npm run test:screenshots:update`)).toEqual([]);
  });
});
