import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { write } from './support/inbox.ts';

const session = useAppSession();

const goTo = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
const sessionBar = (page: Page) => page.getByRole('region', { name: 'Session' });

/**
 * A stored 24 h follow-up that agents may stop, running in the inbox, paused, with Alice working
 * Omar's conversation — as a person gets there from the overview.
 */
async function openFollowUpInbox(page: Page): Promise<void> {
  await goTo(page, 'Workflows');
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await page.getByRole('button', { name: 'Workflow settings' }).click();
  await page.getByRole('dialog', { name: 'Workflow settings' }).getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' }).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
  await goTo(page, 'Messages');
  await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
  await page.getByRole('heading', { name: 'Omar', level: 2 }).waitFor();
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
}

/** What a person sees of the page's frame: whether anything left the window or scrolled it. */
const frame = (page: Page) =>
  page.evaluate(() => {
    const box = (selector: string) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : null;
    };
    const log = document.querySelector<HTMLElement>('[role="log"]');
    const bar = document.querySelector<HTMLElement>('section[aria-label="Session"]');
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    const shown = (elements: Iterable<Element>) => [...elements].filter((element) => element.getClientRects().length > 0).map((element) => element.getBoundingClientRect());
    // One row: the bar's items start at one top, its controls (Working as, the four speeds, Jump
    // to next timer, the session's actions) share one middle, and none reaches past its end.
    const items = shown(bar?.children ?? []);
    const controls = shown(bar?.querySelectorAll('button, select') ?? []);
    const barBox = bar?.getBoundingClientRect();
    return {
      scrollHeight: document.scrollingElement?.scrollHeight ?? Infinity,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      scrollY: window.scrollY,
      composer: box('form[aria-label="Write a message"]'),
      barControls: controls.length,
      barTopSpread: spread(items.map((item) => item.top)),
      barMiddleSpread: spread(controls.map((control) => (control.top + control.bottom) / 2)),
      barOverflows: !barBox || !bar || bar.scrollWidth > bar.clientWidth || controls.some((control) => control.left < barBox.left || control.right > barBox.right),
      logOverflows: log ? log.scrollHeight > log.clientHeight : false,
      logFromEnd: log ? log.scrollHeight - log.clientHeight - log.scrollTop : Infinity,
    };
  });

async function expectFits(page: Page): Promise<void> {
  // A line that lands after the one waited for is followed a frame later (the log's resize
  // observer): give the log that long to reach its end, boundedly — one that never does still fails below.
  await page
    .waitForFunction(() => {
      const log = document.querySelector<HTMLElement>('[role="log"]');
      return log !== null && log.scrollHeight - log.clientHeight - log.scrollTop <= 8;
    }, null, { timeout: 3_000 })
    .catch(() => undefined);
  const seen = await frame(page);
  expect(seen.scrollHeight).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.scrollY).toBe(0);
  expect(seen.composer).not.toBeNull();
  expect(seen.composer!.top).toBeGreaterThanOrEqual(0);
  expect(seen.composer!.left).toBeGreaterThanOrEqual(0);
  expect(seen.composer!.bottom).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.composer!.right).toBeLessThanOrEqual(seen.innerWidth);
  // Working as, the clock's four speeds, Jump to next timer and the session's four actions (Copy link, Save session as script, Keep with a Workflow…, Restart).
  expect(seen.barControls).toBe(10);
  expect(seen.barTopSpread).toBeLessThanOrEqual(4);
  expect(seen.barMiddleSpread).toBeLessThanOrEqual(4);
  expect(seen.barOverflows).toBe(false);
  expect(seen.logOverflows).toBe(true);
  expect(seen.logFromEnd).toBeLessThanOrEqual(8);
}

/** Waits until the focus is on a control again, and returns what it is; never the page itself. */
async function focusedControl(page: Page): Promise<string> {
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body, undefined, { timeout: 2000 }).catch(() => undefined);
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 'body';
    return `${focused.getAttribute('role') ?? focused.tagName.toLowerCase()}: ${focused.getAttribute('aria-label') ?? focused.textContent?.trim() ?? ''}`;
  });
}

async function expectFocusOn(page: Page, control: Locator): Promise<void> {
  const handle = await control.elementHandle();
  await page.waitForFunction((element) => document.activeElement === element, handle, { timeout: 2000 }).catch(async () => {
    throw new Error(`focus is not on ${String(control)} but on ${await focusedControl(page)}`);
  });
}

describe('the Messages view fills the window (issue 14)', () => {
  it.each([
    [1280, 720],
    [1440, 900],
  ])('at %i×%i: after 12 messages the page does not scroll, the session bar is one row, the composer is in view, the transcript at its end; after Stop the focus stays on a control', async (width, height) => {
    const page = await session.open();
    await page.setViewportSize({ width, height });
    await openFollowUpInbox(page);
    for (let index = 0; index < 12; index++) {
      // Ends with the contact's message: the follow-up is running again, to be stopped below.
      const as = index % 2 === 0 ? 'agent' : 'contact';
      await write(page, as, `${as === 'agent' ? 'Alice' : 'Omar'} writes message ${index + 1} of 12`);
    }
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Thanks for your message, Omar!'));
    await expectFits(page);
    await saveScreenshot(page, `messages-layout-${width}x${height}`, { fullPage: false });

    // The Workflows panel docks beside the conversation: nothing moves out of the window.
    await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
    const ongoing = page.getByRole('list', { name: 'Ongoing Workflows for Omar' });
    const stop = ongoing.getByRole('button', { name: 'Stop 24h follow-up' });
    await stop.waitFor();
    await expectFits(page);
    await saveScreenshot(page, `messages-layout-${width}x${height}-workflows`, { fullPage: false });
    expect(await scanWithAxe(page, { landmarks: true }), 'axe with the Workflows panel open').toEqual([]);

    // Cancel gives the focus back to Stop; Stop takes the run away, and the focus to what is left.
    await stop.click();
    const confirm = page.getByRole('alertdialog', { name: 'Stop 24h follow-up for Omar?' });
    await confirm.waitFor();
    expect(await scanWithAxe(page, { landmarks: true }), 'axe with the Stop dialog open').toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expectFocusOn(page, stop);
    await stop.click();
    await page.getByRole('alertdialog', { name: 'Stop 24h follow-up for Omar?' }).getByRole('button', { name: 'Stop Workflow' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Workflow 24h follow-up stopped by Alice'));
    await page.getByRole('tab', { name: 'Ongoing Workflows (0)' }).waitFor();
    expect(await focusedControl(page)).not.toBe('body');
    await expectFocusOn(page, page.getByRole('tab', { name: 'Ongoing Workflows (0)' }));
    expect((await frame(page)).logFromEnd).toBeLessThanOrEqual(8);
  });

  it('at 1280×720 a 100,000-character paste stays whole in the composer, which says it is too long and sends nothing; the page does not scroll', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await openFollowUpInbox(page);
    await write(page, 'contact', 'Hello, is anyone there?');
    const composer = page.getByRole('form', { name: 'Write a message' });
    const text = composer.getByRole('textbox');
    await text.focus();
    // As a paste arrives: one insertion, which a maxLength would cut.
    await page.keyboard.insertText(`${'Here is the whole log you asked for. '.repeat(2703).slice(0, 99_999)}.`);
    expect(await text.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(100_000);
    await composer.getByText('Too long to send: at most 4,096 characters, this message has 100,000 (95,904 over).').waitFor();
    expect(await composer.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    const lines = await page.getByRole('log').textContent();
    await page.keyboard.press('Enter');
    await composer.getByRole('button', { name: 'Send' }).dblclick({ force: true });
    await page.waitForTimeout(300);
    expect(await page.getByRole('log').textContent()).toBe(lines);
    expect(await text.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(100_000);
    const seen = await frame(page);
    expect(seen.scrollHeight).toBeLessThanOrEqual(seen.innerHeight);
    expect(seen.scrollY).toBe(0);
    expect(seen.composer!.bottom).toBeLessThanOrEqual(seen.innerHeight);
    await saveScreenshot(page, 'messages-layout-too-long-1280x720', { fullPage: false });
  });

  it('at 1920×1080 and 2560×1440 the same view uses the room: one row, composer in view, nothing scrolls the page', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openFollowUpInbox(page);
    for (let index = 0; index < 16; index++) await write(page, index % 2 === 0 ? 'contact' : 'agent', `Message ${index + 1}: ${'a longer line that wraps, '.repeat(index % 3)}the end`);
    await expectFits(page);
    await saveScreenshot(page, 'messages-layout-1920x1080', { fullPage: false });
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.waitForFunction(() => window.innerWidth === 2560);
    const wide = await frame(page);
    expect(wide.scrollHeight).toBeLessThanOrEqual(wide.innerHeight);
    expect(wide.barTopSpread).toBeLessThanOrEqual(4);
    expect(wide.barMiddleSpread).toBeLessThanOrEqual(4);
    expect(wide.barOverflows).toBe(false);
    expect(wide.composer!.bottom).toBeLessThanOrEqual(wide.innerHeight);
    await saveScreenshot(page, 'messages-layout-2560x1440', { fullPage: false });
  });

  it('focus returns to the opener after the assignee menu, the Workflows panel, the Keep dialog and Restart; axe finds nothing with a conversation and with the assignee menu open', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await openFollowUpInbox(page);
    await write(page, 'contact', 'Hello, is anyone there?');
    await write(page, 'agent', 'Hi Omar, Alice here.');
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);
    // axe asks for at least one main and one h1; a screen-reader user navigates by exactly one of each.
    expect(await page.evaluate(() => ({ mains: document.querySelectorAll('main, [role="main"]').length, h1s: document.querySelectorAll('h1').length }))).toEqual({ mains: 1, h1s: 1 });

    const assignee = page.getByRole('button', { name: /^Assignee: / });
    await assignee.click();
    const menu = page.getByRole('menu', { name: 'Assignee' });
    await menu.waitFor();
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);
    await saveScreenshot(page, 'messages-layout-assignee-menu', { fullPage: false });
    await menu.getByRole('menuitem', { name: 'Assign to Alice' }).click();
    await page.getByRole('button', { name: 'Assignee: Alice' }).waitFor();
    await expectFocusOn(page, assignee);

    const workflows = page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' });
    await workflows.click();
    await page.getByRole('complementary', { name: 'Workflows' }).getByRole('button', { name: 'Close Workflows' }).click();
    await expectFocusOn(page, workflows);

    const keep = sessionBar(page).getByRole('button', { name: 'Keep with a Workflow…' });
    await keep.click();
    const dialog = page.getByRole('dialog', { name: 'Keep this session with a Workflow' });
    await dialog.waitFor();
    expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectFocusOn(page, keep);

    const restart = sessionBar(page).getByRole('button', { name: 'Restart' });
    await restart.click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('No messages yet'));
    await expectFocusOn(page, sessionBar(page).getByRole('button', { name: 'Restart' }));
  });

  it('at 1280×720 the notice that the Workflows changed takes one line and the view still fits; Restart with the new versions leaves the focus on Restart', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await openFollowUpInbox(page);
    for (let index = 0; index < 8; index++) await write(page, index % 2 === 0 ? 'contact' : 'agent', `Message ${index + 1} before the change`);
    await goTo(page, 'Workflows');
    await page.getByRole('button', { name: 'Actions for 24h follow-up', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Workflow settings…' }).click();
    await page.getByRole('dialog', { name: 'Workflow settings' }).getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' }).click();
    await page.waitForFunction(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'false');
    await page.keyboard.press('Escape');
    await goTo(page, 'Messages');
    const notice = page.getByRole('status').filter({ hasText: 'its runs use the older versions' });
    await notice.waitFor();
    expect((await notice.boundingBox())?.height).toBeLessThanOrEqual(36);
    await expectFits(page);
    await saveScreenshot(page, 'messages-layout-1280x720-outdated', { fullPage: false });

    await notice.getByRole('button', { name: 'Restart with the new versions' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('No messages yet'));
    await expectFocusOn(page, sessionBar(page).getByRole('button', { name: 'Restart' }));
  });
});
