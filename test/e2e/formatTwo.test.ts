import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

const followUp = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as { steps: object[]; edges: object[]; settings: object };

/**
 * The example follow-up in format 2 with a When stopped path (a Stop reason branch, a tag removed,
 * a comment) and a re-entry rule, written by hand as an imported file would be: this file shows
 * such a document opens in the builder and the simulator without breaking either
 * (whenStopped.test.ts builds one on the canvas).
 */
const withPath = {
  ...followUp,
  format: 'exitflow.workflow/2',
  name: 'Follow-up with a clean-up',
  whenStopped: { id: 'when-stopped', label: 'When stopped', position: { x: 600, y: 0 } },
  steps: [
    ...followUp.steps,
    { id: 'why', type: 'stop_reason_branch', label: 'Why stopped?', position: { x: 600, y: 140 } },
    { id: 'untag', type: 'update_tag', label: 'Remove nurture', action: 'remove', tag: 'nurture', position: { x: 600, y: 300 } },
  ],
  edges: [...followUp.edges, { id: 'w1', source: 'when-stopped', target: 'why' }, { id: 'w2', source: 'why', sourceHandle: 'else', target: 'untag' }],
  settings: { ...followUp.settings, afterStop: { reentry: 'after', wait: '7d' } },
};

describe('a format-2 Workflow with a When stopped path', () => {
  it('imports, opens in the builder with its steps, and opens in the simulator, with no error on the page', async () => {
    const page = await session.open();
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'clean-up.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withPath)) });
    await page.getByLabel('Workflow name').waitFor();
    expect(await page.getByLabel('Workflow name').inputValue()).toBe('Follow-up with a clean-up');
    await page.getByTestId('node-why').waitFor();
    expect(await page.getByTestId('node-why').textContent()).toContain('Stop reason branch');
    expect(await page.getByTestId('node-untag').textContent()).toContain('Remove nurture');
    await saveScreenshot(page, 'format-2-builder', { fullPage: false });

    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('node-why').waitFor();
    // The first script stops the run (an agent writes): the path runs in the stop's instant, as the run's.
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="node-untag"]')?.textContent?.includes('Passed'), undefined, { timeout: 20_000 });
    expect(await page.getByTestId('node-wait').textContent()).toContain('Stopped here');
    expect(await page.getByTestId('node-check-in').textContent()).toContain('Cancelled');
    await saveScreenshot(page, 'format-2-simulator', { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
  });
});
