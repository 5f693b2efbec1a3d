import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import { useAppSession } from './support/appSession.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const example = (name: string) => readFileSync(join(root, 'public/examples/follow-up', name));

/** The virtual time the scrubber reads out, e.g. "+24h, …". */
const timeText = (page: Page) => page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext');

/** The 24h follow-up stored from its example, simulated with "Nobody answers" saved with it. */
async function storedFollowUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
  const before = await page.evaluate(() => location.search);
  await page.getByLabel('Script file to import').setInputFiles({ name: 'nobody-answers.script.json', mimeType: 'application/json', buffer: example('nobody-answers.script.json') });
  await page.waitForFunction((search) => location.search !== search && new URLSearchParams(location.search).get('script')?.startsWith('saved:'), before);
  await page.getByRole('group', { name: 'Playback' }).waitFor();
}

describe('the simulator as a debugger', () => {
  it('counts down on the waiting node and Fire now jumps to the timer: the follow-up is sent; a double click fires once', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Next event' }).click();
    const fire = page.getByRole('button', { name: /^Fire now: Wait 24h, due in 1d$/ });
    await fire.waitFor();
    await expect.poll(() => page.locator('[data-testid="node-wait"] .run-countdown__left').textContent()).toBe('Due in 1d');
    await fire.dblclick({ delay: 50 });
    await expect.poll(() => timeText(page)).toMatch(/^\+1d\b|^\+24h\b/);
    const transcript = page.getByRole('log', { name: 'Conversation with Omar' });
    await expect.poll(() => transcript.textContent()).toContain('Just checking in');
    // Fired once: the clock stayed at the timer's instant, no later event was played by a second click.
    await page.waitForTimeout(300);
    expect(await timeText(page)).toMatch(/^\+1d\b|^\+24h\b/);
    expect(await page.getByRole('button', { name: /^Fire now/ }).count()).toBe(0);
  });

  it('"Start a test run here" adds a workflow.start at the step to the saved script, which plays it at the same instant and exports it', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Next event' }).click();
    await page.getByRole('button', { name: /^Fire now: Wait 24h/ }).waitFor();
    const at = await timeText(page);
    await page.getByRole('button', { name: 'Start a test run here: Wait 24h' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a test run at Wait 24h' });
    await dialog.getByLabel('Contact').selectOption({ label: 'A new contact…' });
    await dialog.getByLabel('New contact’s name').fill('Tess');
    await dialog.getByLabel('Fields').fill('plan = pro');
    await dialog.getByLabel('Tags').fill('vip, lead');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The playback reloads to the same instant and follows the test contact, waiting at the step.
    await expect.poll(() => page.getByRole('combobox', { name: 'Contact', exact: true }).inputValue()).toBe('tess');
    expect(await timeText(page)).toBe(at);
    await page.getByRole('button', { name: /^Fire now: Wait 24h, due in 1d$/ }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export script' }).click()]);
    const exported = parseScriptDocument(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.contacts).toContainEqual({ id: 'tess', name: 'Tess', tags: ['vip', 'lead'], fields: { plan: 'pro' } });
    expect(exported.value.events.at(-1)).toEqual({ at: '+0', contact: 'tess', type: 'workflow.start', workflow: 'follow-up', atStep: 'wait' });
  });

  it('refuses a test run the script format refuses, saying why, and keeps nothing', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    await page.getByRole('button', { name: 'Start a test run here: Wait 24h' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a test run at Wait 24h' });
    await dialog.getByLabel('Fields').fill('__proto__ = x');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/JavaScript’s own names|JavaScript's own names/);
    await dialog.getByLabel('Fields').fill('no equals sign');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Line 1: write a field as name = value');
  });
});
