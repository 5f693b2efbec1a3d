import { describe, expect, it } from 'vitest';
import { canvasWorkflow } from '../bench/canvasWorkflow.ts';
import { steps } from '../harness/workflowFixtures.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

/** The canvas bench's Workflow at the most steps a Workflow may hold (4,999 steps and the trigger), as a file. */
const LARGEST = canvasWorkflow(5_000);
/** Eight steps more: 5,007 steps, past the limit. */
const TOO_LARGE = { ...LARGEST, steps: [...LARGEST.steps, ...Array.from({ length: 8 }, (_, i) => steps.send(`extra-${i}`, 'One too many'))] };

const file = (name: string, workflow: object) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow)) });

describe('a Workflow as large as exitflow takes, imported', () => {
  it('opens with only the nodes in view, zooms out to plain boxes with the controls and back, and pans, without hanging', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel('Workflow file to import').setInputFiles(file('largest.workflow.json', LARGEST));
    await page.getByTestId('node-m0').getByText('Update 0', { exact: true }).waitFor({ timeout: 30_000 });
    const mounted = () => page.locator('.react-flow__node').count();
    expect(await mounted()).toBeLessThan(100);

    // Zoom Out, pressed 50 ms apart, until the nodes are plain boxes: named, no text, no handles.
    const controls = page.getByRole('button', { name: 'Zoom Out' });
    for (let i = 0; i < 20 && (await page.locator('.flow-node--plain').count()) === 0; i++) {
      await controls.click();
      await page.waitForTimeout(50);
    }
    await page.getByRole('img', { name: 'Send message: Update 0' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.flow-node:not(.flow-node--plain)').count()).toBe(0);
    expect(await page.locator('.react-flow__node .react-flow__handle').count()).toBe(0);
    expect(await page.getByTestId('node-m0').textContent()).toBe('');
    expect(await mounted()).toBeLessThan(500);
    await saveScreenshot(page, 'large-workflow-zoomed-out', { fullPage: false });

    // A drag on the empty pane (right of the zoom controls, left of the graph), upwards: later
    // steps come into view, the trigger leaves it (and the page).
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    const x = pane.x + 100;
    await page.mouse.move(x, pane.y + pane.height - 40);
    await page.mouse.down();
    await page.mouse.move(x, pane.y + 40, { steps: 20 });
    await page.mouse.up();
    await page.getByRole('img', { name: /^Send message: Update [2-9]\d*$/ }).first().waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('node-trigger').count()).toBe(0);

    // Zoom In until the cards are back, with their text and handles.
    const zoomIn = page.getByRole('button', { name: 'Zoom In' });
    for (let i = 0; i < 20 && (await page.locator('.flow-node--plain').count()) > 0; i++) {
      await zoomIn.click();
      await page.waitForTimeout(50);
    }
    await expect.poll(() => page.locator('.flow-node--plain').count()).toBe(0);
    await page.locator('.react-flow__node .flow-node__label').first().waitFor();
    expect(await page.locator('.react-flow__node .react-flow__handle').count()).toBeGreaterThan(0);
    expect(session.current()?.errors).toEqual([]);
  });

  it('lays out 5,000 steps imported without positions with Auto-layout: the trigger on top, each step below what leads to it', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    const strip = <T extends { position?: unknown }>({ position: _position, ...rest }: T) => rest;
    const unplaced = { ...LARGEST, trigger: strip(LARGEST.trigger), steps: LARGEST.steps.map(strip) };
    await page.getByLabel('Workflow file to import').setInputFiles(file('unplaced.workflow.json', unplaced));
    await page.getByTestId('node-m0').waitFor({ timeout: 30_000 });
    // Every node sits at the same spot until the layout.
    const top = async (id: string) => (await page.getByTestId(id).boundingBox())?.y ?? Number.NaN;
    expect(await top('node-m0')).toBe(await top('node-trigger'));
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => (await top('node-m0')) > (await top('node-trigger')), { timeout: 30_000 }).toBe(true);
    expect(await top('node-w0')).toBeGreaterThan(await top('node-m0'));
    // Laid out, only the nodes in view are on the page again.
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(100);
    await saveScreenshot(page, 'large-workflow-auto-layout', { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
  });

  it('refuses one step past the limit with a message saying so, at once', async () => {
    const page = await session.open();
    await page.getByLabel('Workflow file to import').setInputFiles(file('too-large.workflow.json', TOO_LARGE));
    const alert = page.getByRole('alert').filter({ hasText: 'too-large.workflow.json was not imported' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/At most 5000 steps/);
    expect(await page.locator('.react-flow__node').count()).toBe(0);
  });
});
