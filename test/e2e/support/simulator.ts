import type { Page } from 'playwright-core';

/** Opens a panel of the simulator's dock under the canvas (Report, Population, Compare), unless it is open already. */
export async function openDock(page: Page, name: 'Report' | 'Population' | 'Compare' | 'Debugger'): Promise<void> {
  const button = page.getByRole('group', { name: 'Analyses' }).getByRole('button', { name, exact: true });
  await button.waitFor();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Shows a tab of the simulator's side panel: the run (expectations, transcript, trace) or the stop settings. */
export async function showSideTab(page: Page, name: 'Run' | 'Stop settings'): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name, exact: false }).first();
  await tab.waitFor();
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/**
 * Stores a Workflow made from a bundled example on the overview ("New from example", then the
 * example's menu item), opens it in the simulator and waits for the playback controls.
 */
export async function simulateExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByLabel('Workflow name').waitFor();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.getByRole('group', { name: 'Playback' }).waitFor();
}
