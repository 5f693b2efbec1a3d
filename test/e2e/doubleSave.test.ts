import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { readTable } from './support/readTable.ts';
import { showSideTab, simulateExample } from './support/simulator.ts';
import { controlDisk, pressTwice, readBusy, setDisk, TWO_PRESSES } from './support/slowDisk.ts';
import { readToasts, waitForToast } from './support/toasts.ts';

const session = useAppSession();

/** Long enough that both presses land while the first save is still writing, on a loaded machine too. */
const SLOW_WRITE_MS = 600;

const goHome = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
const storedNames = async (page: Page) => {
  const table = page.getByRole('table', { name: 'Workflows' });
  await table.waitFor();
  return (await readTable(table)).map((row) => row.Name);
};
/** Waits out a second save the presses might have started, so the test sees what it stored. */
const settle = (page: Page) => page.waitForTimeout(SLOW_WRITE_MS + 600);
/** Closes the toasts, as a person does when one covers the button they want to press again. */
const dismissToasts = async (page: Page) => {
  const dismiss = page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
};
const toastTitles = async (page: Page) => (await readToasts(page)).map((toast) => toast.title);

describe('a save pressed twice saves once', () => {
  describe('New Workflow on the overview', () => {
    it.each(TWO_PRESSES)('creates one Workflow on %s while the first is being stored, and says it is busy meanwhile', async (how) => {
      const page = await session.open({ prepare: controlDisk });
      const button = page.getByRole('button', { name: 'New Workflow', exact: true });
      await button.waitFor();
      await setDisk(page, { writeDelayMs: SLOW_WRITE_MS });
      await pressTwice(page, button, how);
      const whileSaving = await readBusy(button);
      await page.getByLabel('Workflow name').waitFor();
      await settle(page);
      await setDisk(page, {});
      await goHome(page);
      expect(await storedNames(page)).toEqual(['Untitled Workflow']);
      expect(whileSaving).toEqual({ enabled: false, ariaBusy: 'true' });
    });

    it('says a failed create failed, and creates on the next press', async () => {
      const page = await session.open({ prepare: controlDisk });
      const button = page.getByRole('button', { name: 'New Workflow', exact: true });
      await button.waitFor();
      await setDisk(page, { full: true });
      await button.click();
      await waitForToast(page, 'The Workflow was not created');
      expect(await readBusy(button)).toEqual({ enabled: true, ariaBusy: 'false' });
      await setDisk(page, {});
      await button.click();
      await page.getByLabel('Workflow name').waitFor();
      await goHome(page);
      expect(await storedNames(page)).toEqual(['Untitled Workflow']);
    });
  });

  describe('Save as my Workflow on an example in the simulator', () => {
    const trySettings = async (page: Page) => {
      await showSideTab(page, 'Stop settings');
      await page.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).click();
      return page.getByRole('group', { name: 'Settings tried here' }).getByRole('button', { name: 'Save as my Workflow' });
    };

    it.each(TWO_PRESSES)('stores the example once on %s while the first is being stored', async (how) => {
      const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', prepare: controlDisk });
      const save = await trySettings(page);
      await setDisk(page, { writeDelayMs: SLOW_WRITE_MS });
      await pressTwice(page, save, how);
      await waitForToast(page, 'Saved “24h follow-up” as your Workflow, with these stop settings');
      await settle(page);
      expect((await toastTitles(page)).filter((title) => title.startsWith('Saved'))).toHaveLength(1);
      await setDisk(page, {});
      await goHome(page);
      expect(await storedNames(page)).toEqual(['24h follow-up']);
    });

    it('says a failed save failed, and saves on the next press', async () => {
      const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies', prepare: controlDisk });
      const save = await trySettings(page);
      await setDisk(page, { full: true });
      await save.click();
      await waitForToast(page, 'The Workflow was not created');
      await dismissToasts(page);
      await setDisk(page, {});
      await save.click();
      await waitForToast(page, 'Saved “24h follow-up” as your Workflow, with these stop settings');
      await goHome(page);
      expect(await storedNames(page)).toEqual(['24h follow-up']);
    });
  });

  describe('Save as my Workflow on a share link', () => {
    /** A link to the hot-lead example with a stop setting tried, as Copy link makes it. */
    const copyLink = async () => {
      const page = await session.open({ path: '/simulator?example=hot-lead', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
      await showSideTab(page, 'Stop settings');
      await page.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).click();
      await page.getByRole('tab', { name: 'Stop settings (tried here)' }).waitFor();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByText(/^Link copied/).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      await page.context().close();
      return link.slice(new URL(link).origin.length);
    };

    it.each(TWO_PRESSES)('stores the link’s Workflows once on %s while the first are being stored, and says it is busy meanwhile', async (how) => {
      const path = await copyLink();
      const page = await session.open({ path, prepare: controlDisk });
      const save = page.getByRole('region', { name: 'Shared simulation' }).getByRole('button', { name: 'Save as my Workflow' });
      await save.waitFor();
      await setDisk(page, { writeDelayMs: SLOW_WRITE_MS });
      await pressTwice(page, save, how);
      const whileSaving = await readBusy(save);
      await page.waitForURL(/\/builder\//);
      await settle(page);
      await setDisk(page, {});
      await goHome(page);
      const names = await storedNames(page);
      expect(names).toContain('Lead nurture');
      expect(names).toEqual([...new Set(names)]);
      expect(whileSaving).toEqual({ enabled: false, ariaBusy: 'true' });
    });
  });

  describe('Save with this Workflow in the script editor', () => {
    const savedScripts = (page: Page) => page.getByRole('region', { name: 'Scripts' }).getByLabel('Script', { exact: true }).locator('optgroup[label="Saved with this Workflow"] option').allTextContents();

    /** The follow-up stored from its example, in the simulator, editing a copy of the example's script. */
    const editCopy = async (page: Page) => {
      await simulateExample(page, '24h follow-up');
      await page.getByRole('button', { name: 'Edit a copy' }).click();
      const editor = page.getByRole('region', { name: 'Script editor' });
      await editor.waitFor();
      return { editor, save: editor.getByRole('button', { name: 'Save with this Workflow' }) };
    };

    it.each(TWO_PRESSES)('saves the copy once on %s while the first is being stored, and says it is busy meanwhile', async (how) => {
      const page = await session.open({ prepare: controlDisk });
      const { editor, save } = await editCopy(page);
      await setDisk(page, { writeDelayMs: SLOW_WRITE_MS });
      await pressTwice(page, save, how);
      const whileSaving = await readBusy(save);
      await editor.waitFor({ state: 'detached' });
      await settle(page);
      const saved = await savedScripts(page);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatch(/ \(copy\)$/);
      expect(whileSaving).toEqual({ enabled: false, ariaBusy: 'true' });
    });

    it('says a failed save failed, keeps the editor open and saves on the next press', async () => {
      const page = await session.open({ prepare: controlDisk });
      const { editor, save } = await editCopy(page);
      await setDisk(page, { full: true });
      await save.click();
      await waitForToast(page, /was not saved/);
      expect(await editor.isVisible()).toBe(true);
      expect(await readBusy(save)).toEqual({ enabled: true, ariaBusy: 'false' });
      await dismissToasts(page);
      await setDisk(page, {});
      await save.click();
      await editor.waitFor({ state: 'detached' });
      expect(await savedScripts(page)).toHaveLength(1);
    });
  });
});
