import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { write } from './support/inbox.ts';
import { openDock, showSideTab } from './support/simulator.ts';

const session = useAppSession();

const goTo = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
const transcriptText = async (page: Page, contact: string) => (await page.getByRole('log', { name: `Conversation with ${contact}` }).textContent()) ?? '';
const reentry = (panel: Locator) => panel.getByRole('group', { name: 'May start again' });
const reasons = (panel: Locator) => panel.getByRole('group', { name: 'Only after these stops' });

async function newFromExample(page: Page, name: string): Promise<void> {
  await goTo(page, 'Workflows');
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByLabel('Workflow name').waitFor();
}

async function settingsFromOverview(page: Page, workflow: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${workflow}`, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Workflow settings…' }).click();
  return page.getByRole('dialog', { name: 'Workflow settings' });
}

/** The page is exactly the window (nothing scrolled) and the element's whole box is inside it. */
async function expectInWindow(page: Page, element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  const seen = await page.evaluate(() => ({ height: window.innerHeight, width: window.innerWidth, scrollHeight: document.scrollingElement?.scrollHeight ?? Number.NaN, scrollY: window.scrollY }));
  expect(box, `${what} is shown`).not.toBeNull();
  expect(seen.scrollHeight, `${what}: the page does not scroll`).toBeLessThanOrEqual(seen.height);
  expect(seen.scrollY, `${what}: scrollY`).toBe(0);
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(seen.height);
  expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(seen.width);
}

describe('after a stop (re-entry)', () => {
  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('the builder’s settings dialog, with the whole After a stop section open, stays in the window at $width×$height', async (viewport) => {
    const page = await session.open({ contextOptions: { viewport } });
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    await reentry(settings).getByRole('radio', { name: 'After a wait' }).click();
    expect(await settings.getByRole('textbox', { name: 'Wait' }).inputValue()).toBe('7d');
    // The last control is reached inside the dialog, which stays in the window: the page never scrolls.
    await reasons(settings).getByRole('checkbox', { name: 'Step removed' }).scrollIntoViewIfNeeded();
    await expectInWindow(page, reasons(settings).getByRole('checkbox', { name: 'Step removed' }), 'the last reason');
    await expectInWindow(page, settings, 'the settings dialog');
    expect(await scanWithAxe(page)).toEqual([]);
    await saveScreenshot(page, `after-stop-builder-settings-${viewport.width}x${viewport.height}`, { fullPage: false });
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('re-entry Never, set in the builder and published: after the contact’s message stops the run, their next message is refused with the line saying why ($width×$height)', async (viewport) => {
    const page = await session.open({ contextOptions: { viewport } });
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    for (const condition of ['Outgoing messages', 'Manual assignment']) await settings.getByRole('checkbox', { name: condition }).click();
    await reentry(settings).getByRole('radio', { name: 'Never' }).click();
    expect(await reasons(settings).getByRole('checkbox', { name: 'Incoming messages' }).getAttribute('aria-checked')).toBe('true');
    // The whole section reached inside the dialog, which stays in the window: the page never scrolls.
    await reasons(settings).getByRole('checkbox', { name: 'Manual assignment' }).scrollIntoViewIfNeeded();
    await expectInWindow(page, settings, 'the settings dialog');
    await saveScreenshot(page, `after-stop-never-builder-settings-${viewport.width}x${viewport.height}`, { fullPage: false });
    await page.keyboard.press('Escape');
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
    await toolbar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog', { name: /^Publish “/ }).getByRole('button', { name: 'Publish' }).click();
    await toolbar.getByText('Published', { exact: true }).waitFor();

    await goTo(page, 'Messages');
    await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana/ }).click();
    await page.getByRole('heading', { name: 'Dana', level: 2 }).waitFor();
    await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
    await write(page, 'contact', 'Hello?');
    await write(page, 'contact', 'Actually, never mind');
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Workflow 24h follow-up stopped: incoming message'));
    // The stopping message itself starts nothing (rule 5 of a stop); the next trigger meets the rule.
    expect(await transcriptText(page, 'Dana')).not.toContain('ignored');
    await write(page, 'contact', 'Hello again');
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Trigger of 24h follow-up ignored'));
    const refused = page.locator('.transcript__activity--refused', { hasText: 'Trigger of 24h follow-up ignored' });
    // The instant of the stop as a clock time, like the time beside the line, not an offset.
    expect(await refused.textContent()).toMatch(/Trigger of 24h follow-up ignored: stopped by incoming message at \w{3} \d{1,2} \w{3,4}, \d\d:\d\d:\d\d; never starts again for this contact/);
    expect((await transcriptText(page, 'Dana')).match(/Workflow 24h follow-up started/g)).toHaveLength(1);
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana\W+0 ongoing Workflows/ }).waitFor();
    await saveScreenshot(page, `after-stop-messages-refused-${viewport.width}x${viewport.height}`, { fullPage: false });
  });

  it('keeps every click of After a stop, 50 ms apart, on a Workflow open nowhere (each a revision-checked write), across a reload', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await goTo(page, 'Workflows');
    await page.reload();
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    let settings = await settingsFromOverview(page, '24h follow-up');
    const clicks: (() => Promise<void>)[] = [
      () => reentry(settings).getByRole('radio', { name: 'After a wait' }).click(),
      () => reentry(settings).getByRole('radio', { name: 'Never' }).click(),
      () => reasons(settings).getByRole('checkbox', { name: 'Manual stop' }).click(),
      () => reasons(settings).getByRole('checkbox', { name: 'Outgoing messages' }).click(),
      () => reasons(settings).getByRole('checkbox', { name: 'Manual stop' }).click(),
      () => reentry(settings).getByRole('radio', { name: 'After a wait' }).click(),
    ];
    for (const click of clicks) {
      await click();
      await page.waitForTimeout(50);
    }
    const wait = settings.getByRole('textbox', { name: 'Wait' });
    await wait.fill('2d');
    await wait.fill('2d12');
    expect(await settings.getByRole('alert').textContent()).toContain('“2d12” is not a duration');
    await wait.fill('2d12h');
    expect(await settings.getByRole('alert').count()).toBe(0);
    await page.waitForTimeout(1000);
    expect(await page.locator('.ui-toast__text').allTextContents()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    settings = await settingsFromOverview(page, '24h follow-up');
    expect(await reentry(settings).getByRole('radio', { name: 'After a wait' }).isChecked()).toBe(true);
    expect(await settings.getByRole('textbox', { name: 'Wait' }).inputValue()).toBe('2d12h');
    const ticked = async (name: string) => reasons(settings).getByRole('checkbox', { name }).getAttribute('aria-checked');
    expect(await ticked('Manual stop')).toBe('true');
    expect(await ticked('Outgoing messages')).toBe('false');
    expect(await ticked('Incoming messages')).toBe('true');
  });

  it('fits the simulator’s side panel at 1280×720 with the whole section open, the page unscrolled', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', contextOptions: { viewport: { width: 1280, height: 720 } } });
    await showSideTab(page, 'Stop settings');
    const panel = page.locator('.workspace__settings');
    await reentry(panel).getByRole('radio', { name: 'After a wait' }).click();
    const last = reasons(panel).getByRole('checkbox', { name: 'Step removed' });
    await last.scrollIntoViewIfNeeded();
    await expectInWindow(page, last, 'the last reason');
    await expectInWindow(page, page.getByRole('group', { name: 'Settings tried here' }), 'the tried-here buttons');
    await saveScreenshot(page, 'after-stop-simulator-settings-1280x720', { fullPage: false });
  });
});

const actionOf = (panel: Locator, condition: string) => panel.getByRole('radiogroup', { name: condition });
const resumeRule = (panel: Locator) => panel.getByRole('group', { name: 'Resume a paused run' });

describe('pause instead of stop', () => {
  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('the builder’s settings dialog, with Outgoing messages set to Pause and its resume rule open, stays in the window at $width×$height and passes axe', async (viewport) => {
    const page = await session.open({ contextOptions: { viewport } });
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    await actionOf(settings, 'Outgoing messages').getByRole('radio', { name: 'Pause the run' }).click();
    // The first Pause comes with a resume rule, so the Workflow never pauses with no way back.
    expect(await resumeRule(settings).getByRole('radio', { name: 'When your team goes quiet' }).isChecked()).toBe(true);
    expect(await settings.getByRole('textbox', { name: 'Resume after' }).inputValue()).toBe('2h');
    expect(await actionOf(settings, 'Incoming messages').getByRole('radio', { name: 'Stop the run' }).isChecked()).toBe(true);
    await expectInWindow(page, actionOf(settings, 'Outgoing messages'), 'the Outgoing messages choice');
    await saveScreenshot(page, `pause-builder-settings-choices-${viewport.width}x${viewport.height}`, { fullPage: false });
    // The tallest the section gets: re-entry after a wait too, with its reasons.
    await reentry(settings).getByRole('radio', { name: 'After a wait' }).click();
    const last = reasons(settings).getByRole('checkbox', { name: 'Manual assignment' });
    await last.scrollIntoViewIfNeeded();
    await expectInWindow(page, last, 'the last reason');
    await resumeRule(settings).scrollIntoViewIfNeeded();
    await expectInWindow(page, resumeRule(settings), 'the resume rule');
    await expectInWindow(page, settings, 'the settings dialog');
    expect(await scanWithAxe(page)).toEqual([]);
    await saveScreenshot(page, `pause-builder-settings-${viewport.width}x${viewport.height}`, { fullPage: false });
  });

  it('fits the simulator’s side panel at 1280×720 with a Pause and its resume rule, the page unscrolled', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', contextOptions: { viewport: { width: 1280, height: 720 } } });
    await showSideTab(page, 'Stop settings');
    const panel = page.locator('.workspace__settings');
    await actionOf(panel, 'Incoming messages').getByRole('radio', { name: 'Pause the run' }).click();
    const field = panel.getByRole('textbox', { name: 'Resume after' });
    expect(await field.inputValue()).toBe('2h');
    await field.scrollIntoViewIfNeeded();
    await expectInWindow(page, field, 'the resume time');
    await actionOf(panel, 'Incoming messages').scrollIntoViewIfNeeded();
    // Each condition's choices stay beside or under its name, inside the panel.
    const panelBox = await panel.boundingBox();
    const pauseBox = await actionOf(panel, 'Incoming messages').getByText('Pause the run').boundingBox();
    expect(pauseBox!.x + pauseBox!.width, 'Pause the run inside the panel').toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
    await saveScreenshot(page, 'pause-simulator-settings-1280x720', { fullPage: false });
  });

  it.each([1, 4])(
    'keeps the simulator’s side panel in place and the focus on Pause the run once the script has re-run with it (CPU slowed %i×)',
    async (slowdown) => {
      const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', contextOptions: { viewport: { width: 1280, height: 720 } } });
      if (slowdown > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      // The report says when the worker has re-run the script with the new setting and the workspace has its answer.
      await openDock(page, 'Report');
      await showSideTab(page, 'Stop settings');
      const panel = page.locator('.workspace__settings');
      const pause = actionOf(panel, 'Incoming messages').getByRole('radio', { name: 'Pause the run' });
      const radio = await pause.elementHandle();
      const workspace = await page.getByRole('region', { name: 'Playback' }).elementHandle();
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { removedWorkspaces: string[] }).removedWorkspaces = seen;
        new MutationObserver((changes) => {
          for (const change of changes)
            for (const node of change.removedNodes) if (node instanceof Element && node.matches('.workspace, .workspace__settings')) seen.push(node.className);
        }).observe(document.body, { childList: true, subtree: true });
      });
      const rerun = async () => {
        await page.getByRole('status').filter({ hasText: 'Running the script to the end…' }).waitFor({ state: 'detached' });
        // Then until nothing more is drawn: the page idle twice over.
        for (let idle = 0; idle < 2; idle++) await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5_000 })));
      };
      await pause.click();
      const field = await panel.getByRole('textbox', { name: 'Resume after' }).elementHandle();
      await rerun();
      expect(await page.evaluate(() => (window as unknown as { removedWorkspaces: string[] }).removedWorkspaces)).toEqual([]);
      expect(await workspace!.evaluate((element) => element.isConnected), 'the workspace drawn before the change').toBe(true);
      expect(await field!.evaluate((element) => element.isConnected), 'the Resume after field as it appeared').toBe(true);
      expect(await radio!.evaluate((element) => element.isConnected && (element as HTMLInputElement).checked), 'the Pause the run chosen').toBe(true);
      expect(await radio!.evaluate((element) => document.activeElement === element), 'the focus on Pause the run').toBe(true);
      // Each valid time typed re-runs the script too: the typing goes on in the same field.
      await field!.fill('3h');
      await rerun();
      await page.keyboard.type('30m');
      expect(await field!.evaluate((element) => element.isConnected && document.activeElement === element), 'the focus in Resume after').toBe(true);
      expect(await field!.inputValue()).toBe('3h30m');
      expect(await page.evaluate(() => (window as unknown as { removedWorkspaces: string[] }).removedWorkspaces)).toEqual([]);
    },
  );

  it('keeps six Stop / Pause and resume clicks, 50 ms apart, on a Workflow open nowhere, and a resume time typed through a bad value, across a reload', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await goTo(page, 'Workflows');
    await page.reload();
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    let settings = await settingsFromOverview(page, '24h follow-up');
    const clicks: (() => Promise<void>)[] = [
      () => actionOf(settings, 'Outgoing messages').getByRole('radio', { name: 'Pause the run' }).click(),
      () => actionOf(settings, 'Incoming messages').getByRole('radio', { name: 'Pause the run' }).click(),
      () => resumeRule(settings).getByRole('radio', { name: 'When the conversation is closed' }).click(),
      () => settings.getByRole('checkbox', { name: 'Manual assignment' }).click(),
      () => actionOf(settings, 'Incoming messages').getByRole('radio', { name: 'Stop the run' }).click(),
      () => resumeRule(settings).getByRole('radio', { name: 'When your team goes quiet' }).click(),
    ];
    for (const click of clicks) {
      await click();
      await page.waitForTimeout(50);
    }
    const after = settings.getByRole('textbox', { name: 'Resume after' });
    expect(await after.inputValue()).toBe('2h');
    await after.fill('2 hours');
    expect(await settings.getByRole('alert').textContent()).toContain('“2 hours” is not a duration');
    await after.fill('90m');
    await after.fill('2h');
    expect(await settings.getByRole('alert').count()).toBe(0);
    await page.waitForTimeout(1000);
    expect(await page.locator('.ui-toast__text').allTextContents()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    settings = await settingsFromOverview(page, '24h follow-up');
    const chosen = async (condition: string, choice: string) => actionOf(settings, condition).getByRole('radio', { name: choice }).isChecked();
    expect(await settings.getByRole('checkbox', { name: 'Manual assignment' }).getAttribute('aria-checked')).toBe('false');
    expect(await settings.getByRole('radiogroup', { name: 'Manual assignment' }).count()).toBe(0);
    expect(await chosen('Outgoing messages', 'Pause the run')).toBe(true);
    expect(await chosen('Incoming messages', 'Stop the run')).toBe(true);
    expect(await resumeRule(settings).getByRole('radio', { name: 'When your team goes quiet' }).isChecked()).toBe(true);
    expect(await settings.getByRole('textbox', { name: 'Resume after' }).inputValue()).toBe('2h');
  });
});

describe('a When stopped path from the settings', () => {
  it('is added from the builder’s settings dialog beside the flow, selected, and taken back by one undo', async () => {
    const page = await session.open({ contextOptions: { viewport: { width: 1280, height: 720 } } });
    await newFromExample(page, '24h follow-up');
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    await toolbar.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    const add = settings.getByRole('button', { name: 'Add a When stopped path' });
    await add.scrollIntoViewIfNeeded();
    await expectInWindow(page, add, 'Add a When stopped path');
    await add.click();
    await settings.waitFor({ state: 'detached' });
    const entry = page.getByTestId('node-when-stopped');
    await entry.waitFor();
    // Selected, so the inspector names it and the palette offers no second one.
    await page.getByRole('heading', { name: 'When stopped', level: 2 }).waitFor();
    const palette = page.getByRole('navigation', { name: 'Steps' });
    expect(await palette.getByRole('button', { name: 'When stopped', exact: true }).getAttribute('aria-disabled')).toBe('true');
    // Level with the trigger, right of every node of the flow.
    const entryBox = (await entry.boundingBox())!;
    const triggerBox = (await page.getByTestId('node-trigger').boundingBox())!;
    expect(Math.abs(entryBox.y - triggerBox.y), 'level with the trigger').toBeLessThanOrEqual(1);
    for (const other of await page.locator('.react-flow__node').all()) {
      if ((await other.getAttribute('data-id')) === 'when-stopped') continue;
      const box = (await other.boundingBox())!;
      expect(entryBox.x, 'right of the flow').toBeGreaterThan(box.x + box.width);
    }
    await toolbar.getByRole('button', { name: 'Workflow settings' }).click();
    expect(await settings.getByRole('button', { name: 'Add a When stopped path' }).count()).toBe(0);
    await settings.getByText('Runs the When stopped path after each stop.').waitFor();
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'when-stopped-from-settings-1280x720', { fullPage: false });

    await page.keyboard.press('Control+z');
    await entry.waitFor({ state: 'detached' });
    await toolbar.getByRole('button', { name: 'Workflow settings' }).click();
    await settings.getByRole('button', { name: 'Add a When stopped path' }).waitFor();
  });
});
