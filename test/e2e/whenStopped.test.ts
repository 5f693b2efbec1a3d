import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { drag } from './support/pointer.ts';

const session = useAppSession();

/** The bundled follow-up (trigger → ack → wait → check-in → done; exit conditions on), whose first script stops the run when an agent writes. */
const followUp = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as object;

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const palette = (page: Page) => page.getByRole('navigation', { name: 'Steps' });
const paletteItem = (page: Page, name: string) => palette(page).getByRole('button', { name, exact: true });
const pathEdge = (page: Page) => page.locator('.react-flow__edge[aria-label="Edge from when-stopped to update-tag-1"]');

/** Drags a palette item to a point of the builder's canvas (offsets from its top-left corner). */
async function dragFromPalette(page: Page, name: string, at: { x: number; y: number }): Promise<void> {
  const box = await page.locator('.builder-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await drag(page, paletteItem(page, name), { x: box.x + at.x, y: box.y + at.y });
}

describe('the When stopped path, built and simulated', () => {
  it('is added from the palette and connected, greys out Wait on its path, is deleted and undone, publishes, and is drawn as taken when a run stops', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'follow-up.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(followUp)) });
    await node(page, 'trigger').waitFor();

    // The entry, dragged to the right of the flow; then a step below it, connected from its output.
    await dragFromPalette(page, 'When stopped', { x: 620, y: 60 });
    await node(page, 'when-stopped').waitFor();
    expect(await node(page, 'when-stopped').textContent()).toContain('Runs once, right after a run of this Workflow is stopped');
    expect(await paletteItem(page, 'When stopped').getAttribute('aria-disabled')).toBe('true');
    await dragFromPalette(page, 'Update tag', { x: 620, y: 330 });
    await node(page, 'update-tag-1').waitFor();
    await drag(page, node(page, 'when-stopped').locator('.react-flow__handle.source'), node(page, 'update-tag-1').locator('.react-flow__handle.target'));
    await pathEdge(page).waitFor();

    // On the path, Wait (and Ask, Jump to) cannot be added; on the main flow it can.
    await node(page, 'update-tag-1').click();
    await page.getByRole('form', { name: 'Update tag set-up' }).waitFor();
    expect(await paletteItem(page, 'Wait').getAttribute('aria-disabled')).toBe('true');
    expect(await paletteItem(page, 'Wait').getAttribute('aria-description')).toContain('Not on the When stopped path');
    expect(await paletteItem(page, 'Send message').getAttribute('aria-disabled')).toBeNull();
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await saveScreenshot(page, `when-stopped-builder-${width}x${height}`, { fullPage: false });
    }
    await page.setViewportSize({ width: 1440, height: 1000 });
    await node(page, 'ack').click();
    await page.getByRole('form', { name: 'Send message set-up' }).waitFor();
    expect(await paletteItem(page, 'Wait').getAttribute('aria-disabled')).toBeNull();

    // Deleted like a step, and back with its edge in one undo.
    await node(page, 'when-stopped').click();
    await page.keyboard.press('Delete');
    await node(page, 'when-stopped').waitFor({ state: 'detached' });
    expect(await pathEdge(page).count()).toBe(0);
    expect(await paletteItem(page, 'When stopped').getAttribute('aria-disabled')).toBeNull();
    await page.keyboard.press('Control+z');
    await pathEdge(page).waitFor();
    expect(await paletteItem(page, 'When stopped').getAttribute('aria-disabled')).toBe('true');

    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog', { name: /^Publish “/ }).getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published', { exact: true }).waitFor();

    // The first script: an agent writes, the run stops at the Wait, and the path runs in that instant.
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await node(page, 'when-stopped').waitFor();
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="node-update-tag-1"]')?.textContent?.includes('Passed'), undefined, { timeout: 20_000 });
    expect(await node(page, 'wait').textContent()).toContain('Stopped here');
    expect(await node(page, 'check-in').textContent()).toContain('Cancelled');
    expect(await node(page, 'update-tag-1').textContent()).not.toContain('Cancelled');
    expect(await node(page, 'when-stopped').textContent()).toContain('Passed');
    expect(await pathEdge(page).getAttribute('class')).toContain('flow-edge--taken');
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await saveScreenshot(page, `when-stopped-simulator-${width}x${height}`, { fullPage: false });
    }
    expect(session.current()?.errors).toEqual([]);
  });
});
