import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatOffset } from '../../simulator/schema/duration.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const example = (file: string) => JSON.parse(readFileSync(join(root, 'public/examples/follow-up', file), 'utf8')) as Record<string, unknown> & { events: Record<string, unknown>[] };

/** Omar writes at +1h and again at +4h: with a 24 h Wait his reply stops the run; with 2 h the follow-up is sent first. */
function omarScript() {
  const script = example('contact-replies.script.json');
  return { ...script, name: 'Omar writes again after 3h', events: script.events.map((event, i) => ({ ...event, at: i === 0 ? '+1h' : '+4h' })), expect: [] };
}

/** The 1,000-contact population, named to sort after Omar's script (the rows listed are capped across scripts, in their order). */
const population = () => ({ ...example('population.script.json'), name: 'Population: 1,000 contacts race the follow-up' });

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Workflow' });
const publishDialog = (page: Page) => page.getByRole('dialog', { name: 'Publish “24h follow-up”' });

/** Two presses 50 ms apart at the centre of what `locator` finds, as a hurried double click: the second lands on whatever is there by then. */
async function pressTwice(page: Page, locator: ReturnType<Page['getByRole']>): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('nothing to press');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(50);
  await page.mouse.click(x, y);
}

/** The publish versions stored for a Workflow, with the policy each kept. */
function publishVersions(page: Page, workflowId: string): Promise<{ policy?: string }[]> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('exitflow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('versions').objectStore('versions').getAll();
          read.onsuccess = () => {
            resolve((read.result as { workflowId: string; kind: string; policy?: string }[]).filter((version) => version.workflowId === id && version.kind === 'publish'));
            open.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
    workflowId,
  );
}

describe('the publish dialog', () => {
  it('publishes once on a double click, then previews the impact of a shorter Wait on the saved scripts, fits the window, and opens a changed run in the simulator where it parts', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByLabel('Workflow name').waitFor();

    // The first publish, pressed twice on the toolbar and twice in the dialog: one dialog, one version.
    await pressTwice(page, toolbar(page).getByRole('button', { name: 'Publish' }));
    await publishDialog(page).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await publishDialog(page).textContent()).toContain('there are no runs in flight on an earlier version');
    expect(await publishDialog(page).getByRole('radio').count()).toBe(0);
    await pressTwice(page, publishDialog(page).getByRole('button', { name: 'Publish' }));
    await toolbar(page).getByText('Published', { exact: true }).waitFor();
    await publishDialog(page).waitFor({ state: 'detached' });
    expect(await publishVersions(page, 'follow-up')).toEqual([expect.objectContaining({ policy: 'finish' })]);

    // Two scripts saved with the Workflow, imported in the simulator.
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    const input = page.getByLabel('Script file to import');
    for (const [file, script] of [['omar.script.json', omarScript()], ['population.script.json', population()]] as const) {
      const before = page.url();
      await input.setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(script)) });
      await page.waitForFunction((previous) => location.href !== previous && new URLSearchParams(location.search).get('script')?.startsWith('saved:'), before);
    }

    // The Wait edited from 24 h to 2 h, then Publish: the impact on both scripts.
    await page.getByRole('link', { name: 'Back to the builder' }).click();
    await page.getByTestId('node-wait').click();
    await page.getByRole('region', { name: 'Inspector' }).getByLabel('Duration', { exact: true }).fill('2h');
    await toolbar(page).getByRole('button', { name: 'Publish' }).click();
    const dialog = publishDialog(page);
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'Let them finish on their version' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio').count()).toBe(3);
    const table = dialog.getByRole('table', { name: /^Runs that change if you publish: / });
    await table.waitFor({ timeout: 20_000 });
    const name = (await table.getAttribute('aria-label')) ?? '';
    const [, changed, runs] = /: ([\d,]+) of ([\d,]+) runs change$/.exec(name) ?? [];
    expect(Number(changed?.replaceAll(',', ''))).toBeGreaterThan(200);
    expect(Number(runs?.replaceAll(',', ''))).toBeGreaterThanOrEqual(1002);
    // Two hundred rows at most; the rest counted.
    expect(await table.locator('tbody tr.outcome-diff__row').count()).toBe(200);
    expect(await table.getByText(/^and [\d,]+ more in Population: 1,000 contacts race the follow-up$/).count()).toBe(1);
    const omar = table.getByRole('row').filter({ hasText: 'Omar writes again after 3h' }).first();
    expect(await omar.textContent()).toContain('Stopped at Wait 24h, +4h');
    expect(await omar.textContent()).toContain('Completed at End, +3h');

    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(100);
      const fit = await page.evaluate(() => {
        const box = document.querySelector('.ui-dialog')?.getBoundingClientRect();
        const scroll = document.querySelector('.publish-dialog__impact .table-scroll');
        return {
          inside: box !== undefined && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
          pageScrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
          tableScrolls: scroll !== null && scroll.scrollHeight > scroll.clientHeight,
        };
      });
      expect(fit, `${width}×${height}`).toEqual({ inside: true, pageScrolls: false, tableScrolls: true });
      await saveScreenshot(page, `publish-impact-${width}x${height}`, { fullPage: false });
    }

    // One click on Omar's row: the simulator, on the draft, at +1h — where his two runs part (the Wait's timer is set).
    await omar.getByText('Omar').first().click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('workflow')).toBe('follow-up');
    expect(url.searchParams.get('at')).toBe('3600000');
    await page.getByRole('slider', { name: 'Virtual time' }).and(page.locator('[aria-valuetext^="+1h,"]')).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('region', { name: 'Scripts' }).getByLabel('Script', { exact: true }).locator('option:checked').textContent()).toBe('Omar writes again after 3h');
    await saveScreenshot(page, 'publish-impact-opened', { fullPage: false });

    // A population's run opens on its own contact, at its own instant.
    await page.goBack();
    await toolbar(page).getByRole('button', { name: 'Publish' }).click();
    const lead = publishDialog(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Lead 2 24h follow-up', exact: true }) });
    const open = lead.getByRole('button', { name: /^Open at / });
    const instant = ((await open.textContent()) ?? '').replace('Open at ', '');
    expect(instant).toMatch(/^\+\d/);
    await open.click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    const link = new URL(page.url()).searchParams;
    expect(link.get('contact')).toBe('lead#2');
    // The button's instant and the link's are one, and the clock shows it to the second (the script starts at 09:00 UTC).
    expect(formatOffset(Number(link.get('at')))).toBe(instant);
    const clock = new Date(Date.parse('2026-01-05T09:00:00Z') + Number(link.get('at'))).toISOString();
    await page.getByTestId('playback-time').locator(`time[datetime="${clock}"]`).waitFor({ timeout: 20_000 });
    expect(await page.locator('label.workspace__pick', { hasText: 'Contact' }).locator('select option:checked').textContent()).toBe('Lead 2');
    // Nothing was published by looking.
    expect(await publishVersions(page, 'follow-up')).toHaveLength(1);
  });
});
