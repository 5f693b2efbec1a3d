import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { write } from './support/inbox.ts';
import { readToasts, waitForToast } from './support/toasts.ts';

const session = useAppSession();

const sessionBar = (page: Page) => page.getByRole('region', { name: 'Session' });
const copyLink = (page: Page) => sessionBar(page).getByRole('button', { name: 'Copy link' });

/** What a transcript shows, line by line (author, text and time as a person reads them). */
const transcriptLines = (page: Page, contact: string) =>
  page.getByRole('log', { name: `Conversation with ${contact}` }).locator('li').evaluateAll((items) => items.map((item) => item.textContent?.trim() ?? ''));

/**
 * Counts the clipboard writes, each answered 300 ms late as a busy clipboard may: a second click
 * on Copy link lands while the first copy is still under way.
 */
const countClipboardWrites = (page: Page) =>
  page.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const writeText = clipboard.writeText.bind(clipboard);
    const counted = window as unknown as { clipboardWrites: number };
    counted.clipboardWrites = 0;
    Object.defineProperty(clipboard, 'writeText', {
      value: async (text: string) => {
        counted.clipboardWrites++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return writeText(text);
      },
    });
  });
const clipboardWrites = (page: Page) => page.evaluate(() => (window as unknown as { clipboardWrites: number }).clipboardWrites);

/** The 24h follow-up stored from the examples, and the Messages view working as Alice on Omar, its clock paused. */
async function openInbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
  await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
  await page.getByRole('heading', { name: 'Omar', level: 2 }).waitFor();
}

describe('Copy link in the Messages view', () => {
  it('opens the live session in a fresh profile at its clock, on the same conversation, read-only; a double click copies once', async () => {
    const page = await session.open({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] }, prepare: countClipboardWrites });
    await openInbox(page);
    // Omar writes; a day later the follow-up goes out; Alice answers it and Omar writes again, so
    // his next follow-up waits — the link's instant falls inside what the simulator replays.
    await write(page, 'contact', 'Hi, do you ship to Norway?');
    await page.getByRole('button', { name: /^Jump to next timer/ }).click();
    await page.getByTestId('virtual-offset').filter({ hasText: /\+1d/ }).waitFor();
    await write(page, 'agent', 'We do, Omar: three days by post.');
    await write(page, 'contact', 'Great, ordering now.');
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.match(/Thanks for your message, Omar!/g)?.length === 2);

    // The clock to the second, as the inbox shows it and the simulator's scrubber reads it out.
    const instant = ((await page.getByTestId('virtual-time').textContent()) ?? '').replace('Virtual time: ', '');
    expect(instant).toMatch(/\d\d:\d\d:\d\d$/);
    const lines = await transcriptLines(page, 'Omar');
    expect(lines.length).toBeGreaterThanOrEqual(6);

    // Two clicks 50 ms apart: the second lands while the first is copying, and is the same request.
    await copyLink(page).click();
    await page.waitForTimeout(50);
    await copyLink(page).click();
    await waitForToast(page, /^Link copied/);
    await page.waitForTimeout(700);
    expect(await clipboardWrites(page)).toBe(1);
    expect((await readToasts(page)).filter((toast) => /^Link copied/.test(toast.title))).toHaveLength(1);
    expect((await readToasts(page)).filter((toast) => /not|Too large/i.test(toast.title))).toEqual([]);
    expect(session.current()?.errors).toEqual([]);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/simulator\/shared#s1\.[A-Za-z0-9_-]+$/);
    await page.context().close();

    const shared = await session.open({ path: link.slice(new URL(link).origin.length) });
    await shared.getByText('Shared simulation — read-only').waitFor();
    const slider = shared.getByRole('slider', { name: 'Virtual time' });
    await slider.and(shared.locator(`[aria-valuetext$=", ${instant}"]`)).waitFor({ timeout: 20_000 });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^\+1d/);
    await shared.getByRole('log', { name: 'Conversation with Omar' }).waitFor();
    expect(await transcriptLines(shared, 'Omar')).toEqual(lines);
    // Read-only: nothing to write with, nothing stored by looking.
    expect(await shared.getByRole('form', { name: 'Write a message' }).count()).toBe(0);
    expect(await dumpIndexedDb(shared)).not.toContain('24h follow-up');
    expect(await scanWithAxe(shared)).toEqual([]);
    await saveScreenshot(shared, 'messages-shared-session', { fullPage: false });
  });

  it('refuses a session too large for a link, with the refusal and the file to use instead; the clipboard is left alone', async () => {
    const page = await session.open({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] }, prepare: countClipboardWrites });
    await openInbox(page);
    // Text that does not compress: letters drawn at random, 4,000 a message.
    for (let message = 0; message < 8; message++) {
      const text = await page.evaluate(() => Array.from({ length: 4000 }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(Math.random() * 62)]).join(''));
      await write(page, message % 2 === 0 ? 'contact' : 'agent', text);
    }
    await copyLink(page).click();
    const toasts = await waitForToast(page, /^Too large for a link/);
    expect(toasts.map((toast) => toast.title)).toContainEqual(
      expect.stringMatching(/^Too large for a link \([\d,]+ characters; links hold up to 24,000\) — use Save session as script instead$/),
    );
    expect(await clipboardWrites(page)).toBe(0);
    expect((await readToasts(page)).filter((toast) => /^Link copied/.test(toast.title))).toEqual([]);
  });

  it('shows the link to copy by hand when the clipboard is refused, and gives the focus back to Copy link', async () => {
    const page = await session.open({
      prepare: (page) => page.addInitScript(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) })),
    });
    await openInbox(page);
    await write(page, 'contact', 'Hello?');
    await copyLink(page).click();
    const dialog = page.getByRole('dialog', { name: 'Copy this link' });
    const field = dialog.getByRole('textbox', { name: 'Share link' });
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/\/simulator\/shared#s1\.[A-Za-z0-9_-]+$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Copy link');
  });
});
