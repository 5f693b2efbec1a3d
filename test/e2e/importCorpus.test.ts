import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';

const session = useAppSession();

const valid = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as Record<string, unknown>;
const json = (document: unknown) => JSON.stringify(document, null, 2);
const XSS = '<img src=x onerror="window.__xss = true">';

/** Broken Workflow files, each with the message that must name its problem. */
const CORPUS: readonly { readonly name: string; readonly content: string; readonly message: RegExp }[] = [
  { name: 'not-json.json', content: '{ "format": "exitflow.workflow/1", ', message: /at \$: Not valid JSON/ },
  { name: 'wrong-types.json', content: json({ ...valid, name: 42, steps: 'many' }), message: /at \$\.name: Expected text, not 42.*at \$\.steps: Expected a list, not text/is },
  { name: 'no-trigger.json', content: json({ ...valid, trigger: undefined }), message: /at \$\.trigger: / },
  {
    name: 'dangling-edge.json',
    content: json({ ...valid, edges: [...(valid.edges as object[]), { id: 'e9', source: 'ack', sourceHandle: 'next', target: 'nowhere' }] }),
    message: /at \$\.edges\[4\]\.target: An edge from .* leads to "nowhere", which is not a step/,
  },
  {
    name: 'unknown-step.json',
    content: json({ ...valid, steps: [...(valid.steps as object[]), { id: 'x', type: 'send_fax', label: 'Fax', position: { x: 0, y: 0 } }] }),
    message: /at \$\.steps\[4\]\.type: Unknown type/,
  },
  { name: 'newer-format.json', content: json({ ...valid, format: 'exitflow.workflow/9' }), message: /made by a newer version of exitflow \(format exitflow\.workflow\/9\)/ },
  { name: 'junk.json', content: 'x'.repeat(5 * 1024 * 1024), message: /The file is 5\.0 MB; a Workflow file is at most 4\.0 MB/ },
  {
    name: 'html-in-a-label.json',
    content: json({
      ...valid,
      name: XSS,
      steps: [...(valid.steps as object[]), { id: 'evil', type: 'end', label: XSS, position: { x: 0, y: 0 } }],
      edges: [...(valid.edges as object[]), { id: 'e9', source: 'evil', sourceHandle: 'next', target: 'gone' }],
    }),
    message: new RegExp(`at \\$\\.edges\\[4\\]\\.target: An edge from "${XSS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" leads to "gone"`),
  },
];

describe('importing Workflow files', () => {
  it('rejects every broken file with its own message, changes nothing stored, and runs no script from a file', async () => {
    const page = await session.open();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'New Workflow' }).click();
    await page.getByLabel('Workflow name').fill('Already stored');
    await page.getByRole('status', { name: 'Save status' }).filter({ hasText: 'Saved at' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('table', { name: 'Workflows' }).waitFor();
    const before = await dumpIndexedDb(page);
    expect(before).toContain('Already stored');

    for (const file of CORPUS) {
      await page.getByLabel('Workflow file to import').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.content) });
      const alert = page.getByRole('alert').filter({ hasText: `${file.name} was not imported` });
      await alert.waitFor();
      expect(await alert.textContent(), file.name).toMatch(file.message);
      expect(await dumpIndexedDb(page), file.name).toBe(before);
    }
    await saveScreenshot(page, 'import-rejected', { fullPage: false });
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await page.getByRole('table', { name: 'Workflows' }).getByRole('row').count()).toBe(2);
  });

  it('imports a valid file as a new Workflow and opens it; its name with HTML is shown as text', async () => {
    const page = await session.open();
    await page.getByLabel('Workflow file to import').setInputFiles({
      name: 'follow-up.workflow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json({ ...valid, name: XSS })),
    });
    await page.getByLabel('Workflow name').waitFor();
    expect(await page.getByLabel('Workflow name').inputValue()).toBe(XSS);
    await page.getByTestId('node-wait').waitFor();
    expect(await page.getByTestId('node-wait').textContent()).toContain('Wait 24h');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });
});
