import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { write } from './support/inbox.ts';
import { drag } from './support/pointer.ts';

const session = useAppSession();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const goTo = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const paletteItem = (page: Page, name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name, exact: true });
const log = (page: Page) => page.getByRole('log', { name: 'Conversation with Dana' });
const ongoingRun = (page: Page) => page.getByRole('list', { name: 'Ongoing Workflows for Dana' }).getByRole('listitem', { name: '24h follow-up' });
const logContains = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.querySelector('[role="log"]')?.textContent?.includes(wanted), text, { timeout: 10_000 });

/** Drags a palette item to a point of the builder's canvas (offsets from its top-left corner). */
async function dragFromPalette(page: Page, name: string, at: { x: number; y: number }): Promise<void> {
  const box = await page.locator('.builder-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await drag(page, paletteItem(page, name), { x: box.x + at.x, y: box.y + at.y });
}

/**
 * As a designer builds it: the 24h follow-up from the examples, a When stopped path that removes
 * the "lead" tag (Dana has it), manual stop allowed, Outgoing messages set to Pause with a resume
 * after 2h without a message from the team (the dialog's own first choice) — published.
 */
async function publishHandBack(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await goTo(page, 'Workflows');
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await node(page, 'trigger').waitFor();

  await dragFromPalette(page, 'When stopped', { x: 620, y: 60 });
  await node(page, 'when-stopped').waitFor();
  await dragFromPalette(page, 'Update tag', { x: 620, y: 330 });
  await node(page, 'update-tag-1').waitFor();
  await drag(page, node(page, 'when-stopped').locator('.react-flow__handle.source'), node(page, 'update-tag-1').locator('.react-flow__handle.target'));
  await page.locator('.react-flow__edge[aria-label="Edge from when-stopped to update-tag-1"]').waitFor();
  await node(page, 'update-tag-1').click();
  const tagForm = page.getByRole('form', { name: 'Update tag set-up' });
  await tagForm.getByLabel('Action').selectOption({ label: 'Remove the tag' });
  await tagForm.getByLabel('Tag', { exact: true }).fill('lead');

  await page.getByRole('button', { name: 'Workflow settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Workflow settings' });
  await settings.getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' }).click();
  await settings.getByRole('radiogroup', { name: 'Outgoing messages' }).getByRole('radio', { name: 'Pause the run' }).click();
  const resume = settings.getByRole('group', { name: 'Resume a paused run' });
  expect(await resume.getByRole('radio', { name: 'When your team goes quiet' }).isChecked()).toBe(true);
  expect(await settings.getByRole('textbox', { name: 'Resume after' }).inputValue()).toBe('2h');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
  await toolbar.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('dialog', { name: /^Publish “/ }).getByRole('button', { name: 'Publish' }).click();
  await toolbar.getByText('Published', { exact: true }).waitFor();
}

/** Alice works Dana's conversation with the clock stopped: every instant is one a command or a jump made. */
async function openDana(page: Page): Promise<void> {
  await goTo(page, 'Messages');
  await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana/ }).click();
  await page.getByRole('heading', { name: 'Dana', level: 2 }).waitFor();
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
}

/** Dana writes in (the follow-up starts and waits 24h); Alice answers, and the run pauses. */
async function aliceTakesOver(page: Page): Promise<void> {
  await write(page, 'contact', 'Hi, is anyone there?');
  await logContains(page, 'Thanks for your message, Dana!');
  await write(page, 'agent', 'Hi Dana, Alice here.');
  await logContains(page, 'Workflow 24h follow-up paused');
}

async function openOngoing(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: /^Ongoing Workflows/ }).click();
}

/** When a line of Dana's conversation happened (ms since the epoch), read from the transcript's own time. */
async function timeOf(line: Locator): Promise<number> {
  return Date.parse((await line.locator('time').getAttribute('datetime')) ?? '');
}

const lineSaying = (page: Page, text: string | RegExp) => log(page).getByRole('listitem').filter({ hasText: text });

async function jump(page: Page): Promise<void> {
  const before = await page.getByTestId('virtual-time').textContent();
  await page.getByRole('button', { name: /^Jump to next timer/ }).click();
  await page.waitForFunction((was) => document.querySelector('[data-testid="virtual-time"]')?.textContent !== was, before);
}

/** The page is the window, unscrolled; the Workflows panel and the run's Stop are inside it, the panel scrolling by itself. */
async function expectFits(page: Page, what: string): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Workflows' });
  await ongoingRun(page).getByRole('button', { name: 'Stop 24h follow-up' }).scrollIntoViewIfNeeded();
  const seen = await page.evaluate(() => {
    const panelBox = document.querySelector('.workflows-panel')?.getBoundingClientRect();
    const stopBox = document.querySelector('[aria-label="Stop 24h follow-up"]')?.getBoundingClientRect();
    return {
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      scrollHeight: document.scrollingElement?.scrollHeight ?? Infinity,
      scrollY: window.scrollY,
      panel: panelBox ? { top: panelBox.top, bottom: panelBox.bottom, right: panelBox.right } : null,
      stop: stopBox ? { top: stopBox.top, bottom: stopBox.bottom, right: stopBox.right } : null,
      panelScrolls: getComputedStyle(document.querySelector('.workflows-panel') ?? document.body).overflowY,
    };
  });
  expect(await panel.isVisible(), `${what}: the panel is shown`).toBe(true);
  expect(seen.scrollHeight, `${what}: the page does not scroll`).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.scrollY, `${what}: scrollY`).toBe(0);
  expect(seen.panel!.bottom, `${what}: panel bottom`).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.panel!.right, `${what}: panel right`).toBeLessThanOrEqual(seen.innerWidth);
  expect(seen.panelScrolls, `${what}: the panel scrolls inside itself`).toBe('auto');
  // Reached by scrolling the panel, never the page.
  expect(seen.stop!.top, `${what}: Stop top`).toBeGreaterThanOrEqual(seen.panel!.top);
  expect(seen.stop!.bottom, `${what}: Stop bottom`).toBeLessThanOrEqual(seen.panel!.bottom);
}

describe('hand-back: a run paused by an exit condition, in the Messages view', () => {
  it('pauses when Alice writes, is listed as Paused with its resume and frozen timer, resumes when Jump reaches 2h of quiet, and sends the follow-up with the time it had left', async () => {
    const page = await session.open();
    await publishHandBack(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDana(page);
    await aliceTakesOver(page);

    await openOngoing(page);
    const run = ongoingRun(page);
    await run.waitFor();
    expect(await run.getAttribute('class')).toContain('ongoing__run--paused');
    expect(await run.textContent()).toContain('Paused — resumes after 2h without a message from your team');
    expect(await run.textContent()).toContain('Current stepWait 24h');
    expect(await run.textContent()).toMatch(/Paused\w{3} \d+ \w{3}, \d\d:\d\d:\d\d \(just now\), by Outgoing messages/);
    expect(await run.textContent()).toContain('ResumesIn 2h, if your team stays quiet');
    // Dana wrote a second before Alice: the Wait had 23h59m59s left.
    expect(await run.textContent()).toContain('Then waits forWait 24h, with 23h59m left when it resumes');
    await run.getByRole('button', { name: 'Stop 24h follow-up' }).waitFor();
    // The paused run's resume is what comes next; its frozen timer is not.
    expect(await page.getByRole('button', { name: /^Jump to next timer/ }).textContent()).toContain('(in 2h)');
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana\W+1 ongoing Workflow / }).waitFor();

    await jump(page);
    await logContains(page, 'Workflow 24h follow-up resumes at "Wait 24h": your team has been quiet for 2h');
    expect(await page.getByRole('tab', { name: 'Ongoing Workflows (1)' }).count()).toBe(1);
    expect(await run.getAttribute('class')).not.toContain('ongoing__run--paused');
    expect(await run.textContent()).toContain('Waits forA timer, due in 23h59m');

    await jump(page);
    await logContains(page, 'Just checking in');
    const started = await timeOf(lineSaying(page, 'Thanks for your message, Dana!'));
    const paused = await timeOf(lineSaying(page, /Workflow 24h follow-up paused/));
    const resumed = await timeOf(lineSaying(page, /Workflow 24h follow-up resumes/));
    const followUp = await timeOf(lineSaying(page, 'Just checking in'));
    expect(paused - started, 'Alice wrote a second after Dana').toBe(1000);
    expect(resumed - paused, 'resumed after 2h of quiet').toBe(2 * HOUR);
    // The Wait's 24h: what ran before the pause, and what it had left after the resume.
    expect(followUp - resumed, 'the follow-up comes with the time the Wait had left').toBe(24 * HOUR - (paused - started));
    expect(followUp - started).toBe(26 * HOUR);
    await page.getByRole('tab', { name: 'Ongoing Workflows (0)' }).waitFor();
    expect(session.current()?.errors).toEqual([]);
  });

  it('stops a paused run by hand, and its When stopped path removes the tag; at 1280×720 and 1920×1080 the paused run fits, and axe finds nothing', async () => {
    const page = await session.open();
    await publishHandBack(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDana(page);
    await aliceTakesOver(page);
    await openOngoing(page);
    await ongoingRun(page).waitFor();

    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((wanted) => window.innerWidth === wanted, width);
      await expectFits(page, `${width}×${height}`);
      await saveScreenshot(page, `hand-back-paused-${width}x${height}`, { fullPage: false });
    }
    expect(await scanWithAxe(page, { landmarks: true }), 'axe with a paused run listed').toEqual([]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await ongoingRun(page).getByRole('button', { name: 'Stop 24h follow-up' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Stop 24h follow-up for Dana?' });
    await confirm.getByRole('button', { name: 'Stop Workflow' }).click();
    await logContains(page, 'Workflow 24h follow-up stopped by Alice');
    await logContains(page, 'Tag "lead" removed');
    // In order: the stop, the When stopped path, its tag, its end — and no resume.
    const lines = await log(page).locator('[data-kind="activity"]').allTextContents();
    const stop = lines.findIndex((line) => line.includes('Workflow 24h follow-up stopped by Alice'));
    expect(stop).toBeGreaterThan(-1);
    const after = lines.slice(stop);
    const path = after.findIndex((line) => line.includes('takes its When stopped path'));
    expect(path).toBeGreaterThan(0);
    expect(after.findIndex((line) => line.includes('Tag "lead" removed'))).toBeGreaterThan(path);
    expect(lines.some((line) => line.includes('Workflow 24h follow-up resumes'))).toBe(false);
    await page.getByRole('tab', { name: 'Ongoing Workflows (0)' }).waitFor();
    // Nothing is left to come: the stopped run's frozen timer and its resume are gone.
    expect(await page.getByRole('button', { name: /^Jump to next timer/ }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'hand-back-stopped-1280x720', { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
  });

  it('loses nothing to three clicks on Jump 50 ms apart: the paused run resumes once, the follow-up comes once, on time, and nothing is left', async () => {
    const page = await session.open();
    await publishHandBack(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDana(page);
    await aliceTakesOver(page);
    // Clicked as a person does, whatever the button shows by then (a disabled one ignores the click).
    await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim().startsWith('Jump to next timer'));
      if (!button) throw new Error('no Jump to next timer button');
      for (let click = 0; click < 3; click++) {
        button.click();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await logContains(page, 'Just checking in');
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana\W+0 ongoing Workflows/ }).waitFor();
    expect(await lineSaying(page, /Workflow 24h follow-up resumes/).count()).toBe(1);
    expect(await lineSaying(page, 'Just checking in').count()).toBe(1);
    const started = await timeOf(lineSaying(page, 'Thanks for your message, Dana!'));
    expect((await timeOf(lineSaying(page, /Workflow 24h follow-up resumes/))) - started).toBe(2 * HOUR + 1000);
    expect((await timeOf(lineSaying(page, 'Just checking in'))) - started).toBe(26 * HOUR);
    expect(await page.getByRole('button', { name: /^Jump to next timer/ }).isDisabled()).toBe(true);
    expect(session.current()?.errors).toEqual([]);
  });
});
