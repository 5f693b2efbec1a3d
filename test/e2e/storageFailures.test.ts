import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { WORKFLOW_FORMAT } from '../../simulator/schema/workflow.ts';

const session = useAppSession();

/** Makes IndexedDB writes fail as on a full disk while `window.diskFull` is set. */
async function simulateFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
}

const nameField = (page: Page) => page.getByLabel('Workflow name');
const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });

describe('when storage fails', () => {
  it('keeps an edit that cannot be written, says so within a second, exports a backup, and saves on Retry', async () => {
    const page = await session.open({ prepare: simulateFullDisk });
    await page.getByRole('button', { name: 'New Workflow' }).click();
    await nameField(page).waitFor();
    await saveStatus(page).filter({ hasText: 'Saved at' }).waitFor();

    await page.evaluate(() => Object.assign(window, { diskFull: true }));
    const edited = Date.now();
    await nameField(page).fill('Edit on a full disk');
    await page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: 'Not saved' }).waitFor({ timeout: 2000 });
    console.log(`the failed save was reported ${Date.now() - edited} ms after the edit (autosave waits 500 ms)`);
    expect(await saveStatus(page).textContent()).toContain('Not saved: storage is full');
    expect(await page.getByRole('alert', { name: 'Not saved' }).textContent()).toContain('The browser has no room left for exitflow’s data');
    expect(await nameField(page).inputValue()).toBe('Edit on a full disk');
    await saveScreenshot(page, 'drafts-disk-full', { fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), saveStatus(page).getByRole('button', { name: 'Export backup' }).click()]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as { name: string; format: string };
    expect([download.suggestedFilename(), backup.name, backup.format]).toEqual(['edit-on-a-full-disk.workflow.json', 'Edit on a full disk', WORKFLOW_FORMAT]);

    await page.evaluate(() => Object.assign(window, { diskFull: false }));
    await saveStatus(page).getByRole('button', { name: 'Retry' }).click();
    await saveStatus(page).filter({ hasText: 'Saved at' }).waitFor();
    expect(await dumpIndexedDb(page)).toContain('Edit on a full disk');
  });

  it('stops writing and asks to reload when a newer exitflow in another tab upgrades the database', async () => {
    const first = await session.open();
    await first.getByRole('button', { name: 'New Workflow' }).click();
    await nameField(first).waitFor();
    await saveStatus(first).filter({ hasText: 'Saved at' }).waitFor();
    const second = await session.openTab({ path: '/messages' });
    // What a newer build does on open: a higher database version, with an upgrade.
    await second.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('exitflow', 1000);
          request.onupgradeneeded = () => request.result.createObjectStore('addedByANewerBuild');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('The older tab did not let go of the database'));
        }),
    );
    const banner = first.getByRole('alert', { name: 'Reload needed' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('A newer version of exitflow was opened in another tab');
    const stored = await dumpIndexedDb(second);
    await nameField(first).fill('Typed after the upgrade');
    await first.waitForTimeout(1000);
    expect(await dumpIndexedDb(second)).toBe(stored);
    expect(await nameField(first).inputValue()).toBe('Typed after the upgrade');
  });
});
