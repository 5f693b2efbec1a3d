import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { drag } from './support/pointer.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const followUpScripts = join(root, 'public/examples/follow-up');

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const canvas = (page: Page) => page.locator('.builder-canvas');

/** Drags a step from the palette to a point of the canvas (offsets from the canvas's top-left corner). */
async function dragFromPalette(page: Page, step: string, at: { x: number; y: number }): Promise<void> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('no canvas');
  await drag(page, page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: step, exact: true }), { x: box.x + at.x, y: box.y + at.y });
}

/** Connects a node's output to another node, dragging from handle to handle as a person would. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  await drag(page, node(page, from).locator('.react-flow__handle.source').first(), node(page, to).locator('.react-flow__handle.target'));
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

describe('the builder', () => {
  it('builds the 24 h follow-up from blank by dragging, connecting and typing; the exported file simulates every follow-up script as expected', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: 'New Workflow' }).click();
    await page.getByLabel('Workflow name').fill('24h follow-up');

    await node(page, 'trigger').click();
    await inspector(page).getByLabel('Starts when').selectOption({ label: 'Incoming message' });

    // The trigger sits in the middle of the canvas; the steps go around it, clear of the minimap.
    await dragFromPalette(page, 'Send message', { x: 200, y: 110 });
    await node(page, 'send-message-1').waitFor();
    await dragFromPalette(page, 'Wait', { x: 560, y: 110 });
    await node(page, 'wait-1').waitFor();
    await dragFromPalette(page, 'Send message', { x: 200, y: 560 });
    await node(page, 'send-message-2').waitFor();

    await connect(page, 'trigger', 'send-message-1');
    await connect(page, 'send-message-1', 'wait-1');
    await connect(page, 'wait-1', 'send-message-2');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    await node(page, 'send-message-1').click();
    await inspector(page).getByLabel('Label', { exact: true }).fill('Acknowledge');
    await inspector(page).getByLabel('Message', { exact: true }).fill("Thanks for your message, {{contact.name}}! We'll get back to you shortly.");
    await node(page, 'wait-1').click();
    await inspector(page).getByLabel('Label', { exact: true }).fill('Wait 24h');
    await inspector(page).getByLabel('Duration', { exact: true }).fill('24');
    expect(await inspector(page).getByRole('alert').textContent()).toContain('Expected a duration such as');
    await inspector(page).getByLabel('Duration', { exact: true }).fill('24h');
    expect(await inspector(page).getByRole('alert').count()).toBe(0);

    // The problems list names what is left: the second message is empty. Clicking it selects that step.
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByRole('button', { name: '"Send message" has no message text' }).click();
    expect(await inspector(page).getByLabel('Label', { exact: true }).inputValue()).toBe('Send message');
    await inspector(page).getByLabel('Label', { exact: true }).fill('Follow-up');
    await inspector(page).getByLabel('Message', { exact: true }).fill('Just checking in — did we answer your question?');
    // Enter on a palette step adds it after the selected one, connected.
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'End', exact: true }).press('Enter');
    await node(page, 'end-1').waitFor();

    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    await settings.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).click();
    expect(await settings.getByRole('alert').textContent()).toContain('Choose at least one condition');
    for (const condition of ['Outgoing messages', 'Incoming messages', 'Manual assignment']) await settings.getByRole('checkbox', { name: condition }).click();
    expect(await settings.getByRole('alert').count()).toBe(0);
    await page.keyboard.press('Escape');

    await problems.getByText('No problems').waitFor();
    await saveScreenshot(page, 'builder-follow-up', { fullPage: false });
    expect(await scanWithAxe(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'exitflow-export-'));
    try {
      const file = join(folder, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('24h-follow-up.workflow.json');
      const scripts = readdirSync(followUpScripts).filter((name) => name.endsWith('.script.json'));
      expect(scripts.length).toBeGreaterThanOrEqual(6);
      for (const script of scripts) {
        const run = await promisify(execFile)('npx', ['tsx', 'simulator/cli/simulate.ts', file, '--script', join(followUpScripts, script)], { cwd: root, maxBuffer: 256 * 1024 * 1024 }).then(
          (result) => ({ code: 0, output: result.stdout }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
        );
        expect(run.code, `${script}:\n${run.output}`).toBe(0);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('editing on the canvas', () => {
  it('inserts a step dropped on an edge, and undoes, duplicates and deletes with the keyboard', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await node(page, 'wait').waitFor();
    const edges = () => page.locator('.react-flow__edge').count();
    expect(await edges()).toBe(4);
    await node(page, 'wait').click();
    await page.waitForTimeout(300);
    // The builder as the README shows it.
    await saveScreenshot(page, 'screen-builder-example', { fullPage: false });
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });

    // The edge from "Acknowledge" to "Wait 24h": drop an Add comment on its middle.
    const from = (await node(page, 'ack').boundingBox()) as { x: number; y: number; width: number; height: number };
    const to = (await node(page, 'wait').boundingBox()) as { x: number; y: number };
    await drag(page, page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Add comment', exact: true }), {
      x: from.x + from.width / 2,
      y: (from.y + from.height + to.y) / 2,
    });
    await node(page, 'add-comment-1').waitFor();
    expect(await edges()).toBe(5);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });

    await page.keyboard.press('Control+z');
    await node(page, 'add-comment-1').waitFor({ state: 'detached' });
    expect(await edges()).toBe(4);
    await page.keyboard.press('Shift+Control+z');
    await node(page, 'add-comment-1').waitFor();

    await node(page, 'check-in').click();
    await page.keyboard.press('Control+d');
    await node(page, 'check-in-copy').waitFor();
    await page.keyboard.press('Delete');
    await node(page, 'check-in-copy').waitFor({ state: 'detached' });
    await node(page, 'check-in').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await node(page, 'check-in-copy').waitFor();
  });
});
