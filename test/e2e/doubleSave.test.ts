import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { readTable } from './support/readTable.ts';
import { controlDisk, pressTwice, readBusy, setDisk, TWO_PRESSES } from './support/slowDisk.ts';
import { waitForToast } from './support/toasts.ts';

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
});
