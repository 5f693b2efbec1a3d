import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { showSideTab } from './support/simulator.ts';

const session = useAppSession();

const exitSwitch = (page: Page) => page.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' });
const timeText = (page: Page) => page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext');

/** The hot-lead example at +3m with its exit conditions switched off in the side panel; the link Copy link makes of it. */
async function copyHotLeadLink(): Promise<string> {
  const page = await session.open({ path: '/simulator?example=hot-lead', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const bar = page.getByRole('group', { name: 'Playback' });
  await bar.getByRole('button', { name: 'Run to end' }).click();
  await showSideTab(page, 'Run');
  await page.getByRole('button', { name: /^Go to \+3m:/ }).first().click();
  await page.getByRole('slider', { name: 'Virtual time' }).and(page.locator('[aria-valuetext^="+3m,"]')).waitFor();
  await showSideTab(page, 'Stop settings');
  expect(await exitSwitch(page).getAttribute('aria-checked')).toBe('true');
  await exitSwitch(page).click();
  await page.getByRole('tab', { name: 'Stop settings (tried here)' }).waitFor();
  // The settings re-simulate to the same instant.
  await page.getByRole('slider', { name: 'Virtual time' }).and(page.locator('[aria-valuetext^="+3m,"]')).waitFor();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText(/^Link copied/).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.context().close();
  return link;
}

describe('share links', () => {
  it('opens the copied hot-lead situation in a fresh profile at the same instant with the settings tried, read-only, and Save as my Workflow stores it', async () => {
    const link = await copyHotLeadLink();
    expect(link).toMatch(/\/simulator\/shared#s1\.[A-Za-z0-9_-]+$/);
    const path = link.slice(new URL(link).origin.length);

    const page = await session.open({ path });
    await page.getByText('Shared simulation — read-only').waitFor();
    await page.getByRole('slider', { name: 'Virtual time' }).and(page.locator('[aria-valuetext^="+3m,"]')).waitFor({ timeout: 20_000 });
    expect(await timeText(page)).toMatch(/^\+3m,/);
    await showSideTab(page, 'Stop settings');
    expect(await page.getByRole('tab', { name: 'Stop settings (tried here)' }).count()).toBe(1);
    expect(await exitSwitch(page).getAttribute('aria-checked')).toBe('false');
    // Nothing is stored by looking.
    expect(await dumpIndexedDb(page)).not.toContain('Lead nurture');
    expect(await scanWithAxe(page)).toEqual([]);
    await saveScreenshot(page, 'shared-simulation', { fullPage: false });

    await page.getByRole('button', { name: 'Save as my Workflow' }).click();
    await page.waitForURL(/\/builder\//);
    await page.goto(new URL('/', page.url()).href);
    await page.getByRole('link', { name: 'Lead nurture', exact: true }).first().waitFor();
    expect(await dumpIndexedDb(page)).toContain('Lead nurture');
  });

  it('refuses a link with one character changed: the decoder’s message, a way to the overview, nothing stored', async () => {
    const link = await copyHotLeadLink();
    const at = link.length - 20;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const page = await session.open({ path: changed.slice(new URL(changed).origin.length) });
    const alert = page.getByRole('alert').filter({ hasText: 'This shared simulation cannot be opened' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/damaged|not JSON|does not hold/);
    expect(await alert.getByRole('link', { name: 'Go to Workflows' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Playback' }).count()).toBe(0);
    expect(await dumpIndexedDb(page)).not.toContain('Lead nurture');
  });

  it('shows the link to copy by hand when the clipboard is refused', async () => {
    const page = await session.open({
      path: '/simulator?example=hot-lead',
      prepare: (page) => page.addInitScript(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) })),
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('dialog', { name: 'Copy this link' }).getByRole('textbox', { name: 'Share link' });
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/\/simulator\/shared#s1\.[A-Za-z0-9_-]+$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
  });
});
