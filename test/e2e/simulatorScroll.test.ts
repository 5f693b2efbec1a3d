import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

/** Two frames and a little more: a scroll the app makes after an update has happened by then. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
      }),
  );

/** The window has not moved, and the whole playback bar and the whole canvas are on screen. */
async function expectPageStill(page: Page, after: string): Promise<void> {
  await settle(page);
  const seen = await page.evaluate(() => {
    const bar = document.querySelector('[role="group"][aria-label="Playback"]')?.getBoundingClientRect();
    const canvas = document.querySelector('.workspace__canvas')?.getBoundingClientRect();
    return {
      scrollY: window.scrollY,
      top: bar?.top ?? Number.NaN,
      bottom: bar?.bottom ?? Number.NaN,
      canvasTop: canvas?.top ?? Number.NaN,
      canvasBottom: canvas?.bottom ?? Number.NaN,
      height: window.innerHeight,
    };
  });
  expect(seen.scrollY, `window.scrollY ${after}`).toBe(0);
  expect(seen.top, `playback bar top ${after}`).toBeGreaterThanOrEqual(0);
  expect(seen.bottom, `playback bar bottom ${after}`).toBeLessThanOrEqual(seen.height);
  expect(seen.canvasTop, `canvas top ${after}`).toBeGreaterThanOrEqual(0);
  expect(seen.canvasBottom, `canvas bottom ${after}`).toBeLessThanOrEqual(seen.height);
}

/** The virtual time the scrubber reads out, e.g. "+3h, …". */
const timeText = (page: Page) => page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext');

describe.each([
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
])('the simulator never moves the page by itself at $width×$height', (viewport) => {
  it('opening the follow-up, stepping, playing and seeking leave the window at the top and the playback bar in view; the transcript follows the latest inside itself', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', prepare: (page) => page.setViewportSize(viewport) });
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.waitFor();
    const transcript = page.getByRole('log', { name: 'Conversation with Omar' });
    await transcript.waitFor();
    await expectPageStill(page, 'after load');

    // Step ten times: the button while there is a next event, then the → key (nothing left to play).
    const stepButton = bar.getByRole('button', { name: 'Step' });
    for (let press = 1; press <= 10; press++) {
      if (await stepButton.isEnabled()) await stepButton.click();
      else {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('ArrowRight');
      }
      await expectPageStill(page, `after step ${press}`);
    }
    expect(await transcript.textContent()).toContain('Never mind, found it in the FAQ');

    // Back to the start (a seek with the scrubber's keys), then play for 3 s at 3,600×: +3h of the script.
    const slider = page.getByRole('slider', { name: 'Virtual time' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /^\+0,/.test(document.querySelector('input[aria-label="Virtual time"]')?.getAttribute('aria-valuetext') ?? ''));
    await expectPageStill(page, 'after seeking to the start');
    await bar.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '3,600×' }).click();
    await bar.getByRole('button', { name: 'Play' }).click();
    for (let second = 1; second <= 3; second++) {
      await page.waitForTimeout(1_000);
      await expectPageStill(page, `after ${second} s of play`);
    }
    if (await bar.getByRole('button', { name: 'Pause' }).isVisible()) await bar.getByRole('button', { name: 'Pause' }).click();
    await expectPageStill(page, 'after pausing');

    // Seek with a mark on the scrubber (the first event, at +0; a line, so clicked by where it is)…
    const mark = await page.getByTestId('scrubber-mark').first().locator('.scrubber__hit').evaluate((line) => {
      const box = line.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.click(mark.x, mark.y);
    await page.waitForFunction(() => /^\+0,/.test(document.querySelector('input[aria-label="Virtual time"]')?.getAttribute('aria-valuetext') ?? ''));
    await expectPageStill(page, 'after clicking a scrubber mark');
    // …and with a trace row's time button, clicked where it is (a click of Playwright's would scroll it into view first).
    await bar.getByRole('button', { name: 'Run to end' }).click();
    const rowButton = page.getByRole('region', { name: 'Trace of Omar' }).getByRole('button', { name: /^Go to \+3h: / }).first();
    await rowButton.waitFor({ state: 'attached' });
    await expectPageStill(page, 'after running to the end');
    await rowButton.evaluate((button: HTMLButtonElement) => button.click());
    await page.waitForFunction(() => /^\+3h,/.test(document.querySelector('input[aria-label="Virtual time"]')?.getAttribute('aria-valuetext') ?? ''));
    await expectPageStill(page, 'after clicking a trace row’s time');
    expect(await timeText(page)).toMatch(/^\+3h,/);

    // The transcript followed the latest inside itself: its last line is at its bottom edge.
    const gap = await transcript.evaluate((log) => log.scrollHeight - log.clientHeight - log.scrollTop);
    expect(gap).toBeLessThanOrEqual(2);
    await saveScreenshot(page, `simulator-scroll-${viewport.width}x${viewport.height}`, { fullPage: false });
  });
});

describe('the transcript follows the latest line as chat apps do', () => {
  it('scrolls inside itself to the new line while it is at its end, stays where a person scrolled up to read, and never moves the window', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    // A short transcript, so that a few lines overflow it.
    await page.addStyleTag({ content: '.transcript { max-height: 4.5rem !important; }' });
    const bar = page.getByRole('group', { name: 'Playback' });
    const transcript = page.getByRole('log', { name: 'Conversation with Omar' });
    await transcript.waitFor();
    const position = () =>
      transcript.evaluate((log) => ({ top: log.scrollTop, gap: log.scrollHeight - log.clientHeight - log.scrollTop, overflows: log.scrollHeight > log.clientHeight + 8 }));
    const lines = () => transcript.locator('li').count();
    const step = async () => {
      const before = await lines();
      await bar.getByRole('button', { name: 'Step' }).click();
      await page.waitForFunction(([count]) => document.querySelectorAll('[role="log"] li').length > (count as number), [before] as const);
      await settle(page);
    };

    // At its end (empty at first): the event's lines scroll it to its new end.
    await step();
    const first = await position();
    expect(first.overflows).toBe(true);
    expect(first.top).toBeGreaterThan(0);
    expect(first.gap).toBeLessThanOrEqual(2);
    await expectPageStill(page, 'after a step with the transcript at its end');

    // Scrolled up to read: the next event adds lines below, the person stays where they were.
    await transcript.evaluate((log) => log.scrollTo({ top: 0 }));
    await settle(page);
    await step();
    expect((await position()).top).toBe(0);
    await expectPageStill(page, 'after a step with the transcript scrolled up');

    // Back to the start and down to its end: it follows again.
    await page.getByRole('slider', { name: 'Virtual time' }).focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /^\+0,/.test(document.querySelector('input[aria-label="Virtual time"]')?.getAttribute('aria-valuetext') ?? ''));
    await settle(page);
    await transcript.evaluate((log) => log.scrollTo({ top: log.scrollHeight }));
    await settle(page);
    const before = await position();
    await step();
    const after = await position();
    expect(after.top).toBeGreaterThan(before.top);
    expect(after.gap).toBeLessThanOrEqual(2);
    await expectPageStill(page, 'after a step back at the end');
  });
});
