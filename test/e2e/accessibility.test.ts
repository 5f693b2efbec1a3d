import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe, type AxeViolation } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { simulateExample } from './support/simulator.ts';

const session = useAppSession();

/**
 * What a screen-reader user navigates by, beside axe: exactly one `main` and one `h1` in what the
 * page exposes (a dialog open makes the rest inert, not gone).
 */
const structure = (page: Page) =>
  page.evaluate(() => ({
    mains: document.querySelectorAll('main, [role="main"]').length,
    h1s: document.querySelectorAll('h1').length,
  }));

/** Scans the page as it is now, WCAG and landmark rules, and keeps the findings under `state`. */
async function scan(page: Page, findings: Record<string, AxeViolation[]>, state: string): Promise<void> {
  await saveScreenshot(page, `a11y-${state}`, { fullPage: false });
  const { mains, h1s } = await structure(page);
  const extra: AxeViolation[] = [];
  if (mains !== 1) extra.push({ id: 'one-main', impact: null, help: `${mains} main landmarks`, targets: [] });
  if (h1s !== 1) extra.push({ id: 'one-h1', impact: null, help: `${h1s} h1 headings`, targets: [] });
  findings[state] = [...(await scanWithAxe(page, { landmarks: true })), ...extra];
}

/** Waits until `opener` has focus again (a dialog or menu closed gives it back, not to the page). */
async function expectFocusBack(page: Page, opener: Locator): Promise<void> {
  const handle = await opener.elementHandle();
  await page.waitForFunction((element) => document.activeElement === element, handle, { timeout: 2000 }).catch(async () => {
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
    throw new Error(`focus did not return to ${String(opener)}: it is on ${focused}`);
  });
}

const noFindings = (findings: Record<string, AxeViolation[]>) => Object.fromEntries(Object.keys(findings).map((state) => [state, []]));

describe('accessibility of the main screen (axe, WCAG 2.1 A/AA)', () => {
  it.each([
    ['Hot lead', 'Hot lead: agent takes over'],
    ['24h follow-up', 'Same instant: a reply in the very second the follow-up is due wins'],
  ])('has no violations showing %s / %s', async (situation, script) => {
    const page = await session.open({ path: '/simulator' });
    await page.getByLabel('Situation').selectOption({ label: situation });
    await page.getByLabel('Script').selectOption({ label: script });
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Play' }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const findings: Record<string, AxeViolation[]> = {};
    await scan(page, findings, `simulator-${situation}`);
    expect(findings).toEqual(noFindings(findings));
  });
});

describe('accessibility with menus and dialogs open (issue 14: axe, landmarks, focus back to the opener)', () => {
  it('the overview: empty, New from example open, a row menu open, and each of its dialogs', async () => {
    const page = await session.open();
    const findings: Record<string, AxeViolation[]> = {};
    await scan(page, findings, 'overview-empty');

    const fromExample = page.getByRole('button', { name: 'New from example' });
    await fromExample.click();
    await page.getByRole('menu', { name: 'New from example' }).waitFor();
    await scan(page, findings, 'overview-new-from-example');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, fromExample);

    await fromExample.click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByLabel('Workflow name').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const rowMenu = page.getByRole('button', { name: 'Actions for 24h follow-up', exact: true });
    await rowMenu.waitFor();
    await scan(page, findings, 'overview');

    await rowMenu.click();
    await page.getByRole('menu', { name: 'Actions for 24h follow-up' }).waitFor();
    await scan(page, findings, 'overview-row-menu');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, rowMenu);

    const dialogs: [string, (page: Page) => Locator, string][] = [
      ['Rename…', (p) => p.getByRole('dialog', { name: 'Rename Workflow' }), 'overview-rename'],
      ['Workflow settings…', (p) => p.getByRole('dialog', { name: 'Workflow settings' }), 'overview-settings'],
      ['Delete…', (p) => p.getByRole('alertdialog', { name: 'Delete “24h follow-up”?' }), 'overview-delete'],
    ];
    for (const [item, dialog, state] of dialogs) {
      await rowMenu.click();
      await page.getByRole('menuitem', { name: item }).click();
      await dialog(page).waitFor();
      await scan(page, findings, state);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      await expectFocusBack(page, rowMenu);
    }
    // Duplicate closes the menu and stays on the row.
    await rowMenu.click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('link', { name: '24h follow-up (copy)' }).waitFor();
    await expectFocusBack(page, rowMenu);
    expect(findings).toEqual(noFindings(findings));
  });

  it('the builder: as opened, and with each toolbar dialog open (settings, Save version, History, Not published, Not simulated)', async () => {
    const page = await session.open();
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByLabel('Workflow name').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const findings: Record<string, AxeViolation[]> = {};
    await scan(page, findings, 'builder');
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });

    const settingsButton = toolbar.getByRole('button', { name: 'Workflow settings' });
    await settingsButton.click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    await settings.waitFor();
    await scan(page, findings, 'builder-settings');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, settingsButton);

    const saveVersion = toolbar.getByRole('button', { name: 'Save version' });
    await saveVersion.click();
    const saveDialog = page.getByRole('dialog', { name: 'Save version' });
    await saveDialog.waitFor();
    await scan(page, findings, 'builder-save-version');
    await saveDialog.getByLabel('Note').fill('Before the tests');
    await saveDialog.getByRole('button', { name: 'Save version' }).click();
    await saveDialog.waitFor({ state: 'detached' });
    await expectFocusBack(page, saveVersion);

    const history = toolbar.getByRole('button', { name: 'History' });
    await history.click();
    const historyDialog = page.getByRole('dialog', { name: 'History' });
    await historyDialog.getByRole('button', { name: 'Preview' }).click();
    await historyDialog.getByRole('region', { name: /^Preview of the version/ }).waitFor();
    await scan(page, findings, 'builder-history');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, history);

    // Settings with no exit condition chosen: a problem, so Publish is refused.
    await settingsButton.click();
    for (const condition of ['Outgoing messages', 'Incoming messages', 'Manual assignment']) await settings.getByRole('checkbox', { name: condition }).click();
    await page.keyboard.press('Escape');
    const publish = toolbar.getByRole('button', { name: 'Publish' });
    await publish.click();
    const refused = page.getByRole('dialog', { name: 'Not published' });
    await refused.waitFor();
    await scan(page, findings, 'builder-not-published');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, publish);
    const simulate = toolbar.getByRole('button', { name: 'Simulate' });
    await simulate.click();
    await page.getByRole('dialog', { name: 'Not simulated' }).waitFor();
    await scan(page, findings, 'builder-not-simulated');
    await page.keyboard.press('Escape');
    await expectFocusBack(page, simulate);
    expect(findings).toEqual(noFindings(findings));
  });

  it('the simulator on a stored Workflow, and its script editor', async () => {
    const page = await session.open();
    await simulateExample(page, '24h follow-up');
    const newScript = page.getByRole('button', { name: 'New script' });
    await newScript.waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const findings: Record<string, AxeViolation[]> = {};
    await scan(page, findings, 'simulator-stored');

    await newScript.click();
    const editor = page.getByRole('region', { name: 'Script editor' });
    await editor.waitFor();
    await scan(page, findings, 'script-editor-form');
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    // The code editor, not the plain text box that stands in while its chunk loads.
    await editor.locator('.cm-content').waitFor();
    await scan(page, findings, 'script-editor-json');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    await expectFocusBack(page, newScript);
    expect(findings).toEqual(noFindings(findings));
  });

  it('the "Not published" dialog leads to each problem: its step, selected on the canvas, or the settings; two steps with one name are told apart', async () => {
    const page = await session.open();
    // Two steps dropped from the palette keep its name, and neither has text yet; exit conditions on with none chosen.
    const workflow = {
      format: 'exitflow.workflow/1',
      id: 'two-alike',
      name: 'Two alike',
      trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in', position: { x: 0, y: 0 } },
      steps: [
        { id: 'send-message-1', type: 'send_message', label: 'Send message', text: '', position: { x: 0, y: 160 } },
        { id: 'send-message-2', type: 'send_message', label: 'Send message', text: '', position: { x: 0, y: 320 } },
      ],
      edges: [
        { id: 'e1', source: 'trigger', target: 'send-message-1' },
        { id: 'e2', source: 'send-message-1', target: 'send-message-2' },
      ],
      settings: { manualStop: false, exitConditions: { enabled: true, on: [] } },
    };
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'two-alike.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow)) });
    await page.getByLabel('Workflow name').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const publish = page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Publish' });
    const refused = page.getByRole('dialog', { name: 'Not published' });
    const problems = refused.getByRole('list', { name: 'Problems' }).getByRole('button');

    // The Problems panel names them apart.
    const listed = page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /has no message text/ });
    await listed.nth(1).waitFor();
    expect(await listed.allTextContents()).toEqual([
      '"Send message" has no message text (step 1)',
      '"Send message" has no message text (step 2)',
    ]);
    await publish.click();
    // Publish validates before the dialog opens: wait for it (allTextContents does not wait).
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      '"Send message" has no message text (step 1)',
      '"Send message" has no message text (step 2)',
      'Exit conditions are on but none is selected: pick Outgoing messages, Incoming messages or Manual assignment',
    ]);

    await problems.filter({ hasText: '(step 2)' }).click();
    await refused.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.react-flow__node.selected')?.getAttribute('data-id') === 'send-message-2');
    await page.getByRole('form', { name: 'Send message set-up' }).waitFor();
    await expectFocusBack(page, publish);

    await publish.click();
    await problems.filter({ hasText: 'Exit conditions' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    await settings.getByRole('checkbox', { name: 'Outgoing messages' }).waitFor();
    await saveScreenshot(page, 'a11y-settings-from-not-published', { fullPage: false });
    expect(await refused.count()).toBe(0);
    // Focus went with the settings (the closed dialog's return to Publish does not take it out).
    expect(await settings.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
  });
});
