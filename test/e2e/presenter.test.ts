import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

const presenter = (page: Page) => page.getByRole('dialog', { name: /^Presenting / });
const caption = (page: Page) => presenter(page).getByRole('status');
/** How many of the script's events the engine has played (several can share an instant, so the clock alone cannot tell). */
const eventsPlayed = async (page: Page) => Number(await presenter(page).getAttribute('data-events-processed'));
const clock = (page: Page) => presenter(page).locator('.presenter__clock').textContent();

async function present(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Playback' }).waitFor();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await presenter(page).waitFor();
}

/** Presses → (or Space) and waits until the engine has played one more event. */
async function nextEvent(page: Page, key: 'ArrowRight' | 'Space' = 'ArrowRight'): Promise<void> {
  const before = await eventsPlayed(page);
  await page.keyboard.press(key);
  await expect.poll(() => eventsPlayed(page)).toBe(before + 1);
}

describe('presenter mode', () => {
  it('shows the hot-lead stop in the caption in the engine’s words, advancing with →, and Esc leaves', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead' });
    await present(page);
    await nextEvent(page, 'Space');
    const seen: string[] = [(await caption(page).textContent()) ?? ''];
    for (let presses = 0; presses < 30 && !/stopped/.test(seen.at(-1) ?? ''); presses++) {
      await nextEvent(page);
      seen.push((await caption(page).textContent()) ?? '');
    }
    // The engine's sentence for the stop, its reason in the words of the exit condition, and the event that caused it.
    expect(seen.at(-1)).toMatch(/Lead nurture stopped: outgoing message/);
    expect(seen.at(-1)).toMatch(/^Alice writes to Dana/);
    // Tab stays in presenter mode: the app under it is out of reach.
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      expect(await presenter(page).evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await presenter(page).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Present', exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('works from a share link: Present on the shared, read-only simulation', async () => {
    const origin = await session.open({ path: '/simulator?example=hot-lead', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await origin.getByRole('group', { name: 'Playback' }).waitFor();
    await origin.getByRole('button', { name: 'Copy link' }).click();
    await origin.getByText(/^Link copied/).waitFor();
    const link = await origin.evaluate(() => navigator.clipboard.readText());
    await origin.context().close();

    const page = await session.open({ path: link.slice(new URL(link).origin.length) });
    await page.getByText('Shared simulation — read-only').waitFor();
    await present(page);
    for (let presses = 0; presses < 30 && !/stopped/.test((await caption(page).textContent()) ?? ''); presses++) await nextEvent(page);
    expect(await caption(page).textContent()).toMatch(/Lead nurture stopped: outgoing message/);
    await page.keyboard.press('Escape');
    await presenter(page).waitFor({ state: 'detached' });
  });

  it('loses no → pressed 3 times 50 ms apart, and ← goes back event by event', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead' });
    await present(page);
    for (let presses = 0; presses < 3; presses++) await nextEvent(page);
    // Back to the start instant: the events due then are played, as the scrubber's +0 has them.
    for (let presses = 0; presses < 3; presses++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => clock(page)).toBe('+0');
    await page.waitForTimeout(300);
    const atStart = await eventsPlayed(page);

    for (let presses = 0; presses < 3; presses++) await nextEvent(page);
    const oneByOne = { clock: await clock(page), caption: await caption(page).textContent() };
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => clock(page)).toBe('+0');
    await expect.poll(() => eventsPlayed(page)).toBe(atStart);

    for (let presses = 0; presses < 3; presses++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    await expect.poll(() => eventsPlayed(page)).toBe(atStart + 3);
    await page.waitForTimeout(300);
    expect(await eventsPlayed(page)).toBe(atStart + 3);
    expect({ clock: await clock(page), caption: await caption(page).textContent() }).toEqual(oneByOne);
  });

  it('Auto advances by itself at its pace and holds on the stop', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead' });
    await present(page);
    await presenter(page).getByRole('combobox', { name: 'Pace' }).selectOption({ label: '1 s per event' });
    await presenter(page).getByRole('button', { name: 'Auto' }).click();
    await presenter(page).getByText('Auto holds on this stop: → goes on').waitFor({ timeout: 20_000 });
    expect(await caption(page).textContent()).toMatch(/stopped: outgoing message/);
    const held = await eventsPlayed(page);
    await page.waitForTimeout(1500);
    expect(await eventsPlayed(page)).toBe(held);
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('fills $width×$height without scrolling, in large type, with no axe violations', async (viewport) => {
    const page = await session.open({ path: '/simulator?example=hot-lead', contextOptions: { viewport } });
    await present(page);
    for (let presses = 0; presses < 3; presses++) await nextEvent(page);
    const box = await presenter(page).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    const overflow = await presenter(page).evaluate((element) => ({
      scroll: element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth,
      page: document.scrollingElement ? document.scrollingElement.scrollTop : 0,
    }));
    expect(overflow).toEqual({ scroll: false, page: 0 });
    const captionSize = await caption(page).evaluate((element) => parseFloat(getComputedStyle(element.querySelector('.presenter__decision') ?? element).fontSize));
    expect(captionSize).toBeGreaterThanOrEqual(24);
    expect(await scanWithAxe(page)).toEqual([]);
    await saveScreenshot(page, `presenter-${viewport.width}x${viewport.height}`, { fullPage: false });
  });
});
