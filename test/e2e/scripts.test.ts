import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { jsonEditor } from './support/jsonEditor.ts';
import { openDock, simulateExample } from './support/simulator.ts';
import { waitForToast } from './support/toasts.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const exampleScript = () => JSON.parse(readFileSync(join(root, 'public/examples/follow-up/contact-replies.script.json'), 'utf8')) as Record<string, unknown> & { events: Record<string, unknown>[] };

const waitForNodeText = (page: Page, id: string, text: string) =>
  page.waitForFunction(([nodeId, wanted]) => document.querySelector(`[data-testid="node-${nodeId}"]`)?.textContent?.includes(wanted as string), [id, text] as const, {
    timeout: 20_000,
  });

const scriptPicker = (page: Page) => page.getByRole('region', { name: 'Scripts' }).getByLabel('Script', { exact: true });
const chosenScript = async (page: Page) => (await scriptPicker(page).locator('option:checked').textContent()) ?? '';
const savedScripts = (page: Page) => scriptPicker(page).locator('optgroup[label="Saved with this Workflow"] option').allTextContents();

describe('scripts saved with a Workflow', () => {
  it('imports a script file: a broken one is refused with every problem, a good one is saved, plays, survives a reload, exports as it was and deletes with Undo', async () => {
    const page = await session.open();
    await simulateExample(page, '24h follow-up');
    const input = page.getByLabel('Script file to import');

    const broken = exampleScript();
    broken.events[0] = { ...broken.events[0], contact: 'nobody' };
    await input.setInputFiles({ name: 'broken.script.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const refusal = page.getByRole('alert').filter({ hasText: 'broken.script.json was not imported' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('$.events[0].contact');
    expect(await savedScripts(page)).toEqual([]);

    await input.setInputFiles({ name: 'mine.script.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exampleScript(), name: 'My replies' })) });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('script')?.startsWith('saved:'));
    expect(await chosenScript(page)).toBe('My replies');
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'wait', 'Stopped here: Incoming message');

    await page.reload();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await scriptPicker(page).waitFor();
    expect(await chosenScript(page)).toBe('My replies');
    expect(await savedScripts(page)).toEqual(['My replies']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export script' }).click()]);
    expect(download.suggestedFilename()).toBe('my-replies.script.json');
    const exported = parseScriptDocument(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(exported).toEqual(parseScriptDocument({ ...exampleScript(), name: 'My replies' }));

    await page.getByRole('button', { name: 'Delete script' }).click();
    await waitForToast(page, 'Deleted the script “My replies”');
    await page.waitForFunction(() => !document.querySelector('optgroup[label="Saved with this Workflow"]'));
    await page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelector('optgroup[label="Saved with this Workflow"]')?.textContent === 'My replies');
  });

  it('writes a new script in the form and the JSON view, refuses to save it while it has a problem, saves it with the Workflow and plays it; an edit replays it', async () => {
    const page = await session.open();
    await simulateExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'New script' }).click();
    const editor = page.getByRole('region', { name: 'Script editor' });
    const event = (n: number) => editor.getByRole('group', { name: `Event ${n}`, exact: true });

    // The new script: the contact writes at +0; add the reply three hours later.
    expect(await event(1).getByLabel('Type', { exact: true }).locator('option:checked').textContent()).toBe('Contact message');
    await editor.getByRole('button', { name: 'Add event' }).click();
    await event(2).getByLabel('Time', { exact: true }).fill('soon');
    await event(2).getByLabel('Text', { exact: true }).fill('Any news?');
    const summary = editor.getByRole('status');
    await summary.getByText('1 problem', { exact: true }).waitFor();
    expect(await event(2).getByLabel('Time', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await summary.textContent()).toContain('Event 2 · Time');
    await editor.getByRole('button', { name: 'Save with this Workflow' }).click();
    expect(await editor.isVisible()).toBe(true);
    expect(await savedScripts(page)).toEqual([]);

    // The same draft as JSON: the problem is underlined on its line, marked in the margin beside it, in the form's words.
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    const json = jsonEditor(editor);
    await json.loaded();
    const underline = editor.locator('.cm-lintRange-error').first();
    await underline.waitFor();
    const problemLine = underline.locator('xpath=ancestor::div[contains(@class, "cm-line")]');
    expect((await problemLine.innerText()).trim()).toBe('"at": "soon",');
    const marker = editor.locator('.cm-lint-marker-error');
    expect(await marker.count()).toBe(1);
    const [lineBox, markerBox] = [await problemLine.boundingBox(), await marker.boundingBox()];
    expect(Math.abs((lineBox?.y ?? 0) + (lineBox?.height ?? 0) / 2 - ((markerBox?.y ?? 0) + (markerBox?.height ?? 0) / 2))).toBeLessThan(4);
    await underline.hover();
    expect(await editor.locator('.cm-tooltip-lint').innerText()).toContain('Expected an offset from the start');

    // Fixed there, and renamed: the form follows.
    const text = await json.text();
    expect(JSON.parse(text)).toMatchObject({ name: 'New script', events: [{ at: '+0' }, { at: 'soon', text: 'Any news?' }] });
    await json.replace(text.replace('"New script"', '"Replies after 3h"').replace('"soon"', '"+3h"'));
    await summary.getByText('No problems', { exact: true }).waitFor();
    await underline.waitFor({ state: 'detached' });

    // Event 2's type retyped: the schema's completions offer every event type; choosing one writes it.
    await json.content.locator('.cm-line', { hasText: '"type":' }).last().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"type": "');
    const completions = editor.locator('.cm-tooltip-autocomplete');
    // The list may open on the key while the rest is still being typed: wait for the value's options.
    await completions.getByRole('option', { name: /workflow\.stop/ }).waitFor();
    expect(await completions.getByRole('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('contact.message'), expect.stringContaining('workflow.stop')]));
    await completions.getByRole('option', { name: /contact\.message/ }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(',');
    await summary.getByText('No problems', { exact: true }).waitFor();
    expect(JSON.parse(await json.text())).toMatchObject({ events: [{}, { at: '+3h', type: 'contact.message' }] });
    // Tab leaves the editor, as from any field: a keyboard user is not kept in it, and no tab is typed.
    const before = await json.text();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await json.text()).toBe(before);

    await editor.getByRole('tab', { name: 'Form', exact: true }).click();
    expect(await editor.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Replies after 3h');
    expect(await event(2).getByLabel('Time', { exact: true }).inputValue()).toBe('+3h');
    // The timeline under the sticky navigation, for the README's picture.
    await editor.getByRole('heading', { name: 'Users' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, -80);
    await saveScreenshot(page, 'script-editor', { fullPage: false });

    await editor.getByRole('button', { name: 'Save with this Workflow' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await chosenScript(page)).toBe('Replies after 3h');
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'wait', 'Stopped here: Incoming message');

    // Edited: the reply comes after the follow-up; replayed, the follow-up is sent.
    await page.getByRole('button', { name: 'Edit script' }).click();
    await event(2).getByLabel('Time', { exact: true }).fill('+2d');
    await editor.getByRole('button', { name: 'Save script' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await savedScripts(page)).toEqual(['Replies after 3h']);
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'check-in', 'Passed');
    expect(await page.getByTestId('node-wait').textContent()).not.toContain('Stopped here');
  });
  it('the JSON view without its code editor (the chunk fails to load, as offline): a note says so, and the plain text box edits the script', async () => {
    const page = await session.open();
    // Offline throughout: the retry at another address (refetchableImport) is refused too.
    await page.route(/\/assets\/JsonCodeEditor-[^/?]+\.js(\?[^/]*)?$/, (route) => route.abort('internetdisconnected'));
    await simulateExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'New script' }).click();
    const editor = page.getByRole('region', { name: 'Script editor' });
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    await editor.getByText('The code editor did not load (offline?)', { exact: false }).waitFor();
    const plain = editor.getByRole('textbox', { name: 'Script JSON' });
    expect(await plain.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await plain.fill((await plain.inputValue()).replace('"New script"', '"Typed offline"'));
    await editor.getByRole('tab', { name: 'Form', exact: true }).click();
    expect(await editor.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Typed offline');
  });

  it('the JSON view whose code editor could not be fetched once (offline for a moment) has it the next time it opens', async () => {
    const page = await session.open();
    const chunk = /\/assets\/JsonCodeEditor-[^/?]+\.js(\?[^/]*)?$/;
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    await simulateExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'New script' }).click();
    const editor = page.getByRole('region', { name: 'Script editor' });
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    await editor.getByText('The code editor did not load (offline?)', { exact: false }).waitFor();
    await page.unroute(chunk);
    // Chromium would fail a second import of the same address at once, without asking the network.
    await editor.getByRole('tab', { name: 'Form', exact: true }).click();
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    await jsonEditor(editor).loaded();
    expect(await editor.getByText('The code editor did not load (offline?)', { exact: false }).count()).toBe(0);
  });

  it('adds a Has tag expectation in the form: the report says it fails while the contact lacks the tag, and holds once an event adds it', async () => {
    const page = await session.open();
    await simulateExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'New script' }).click();
    const editor = page.getByRole('region', { name: 'Script editor' });
    const summary = editor.getByRole('status');
    await editor.getByRole('button', { name: 'Add expectation' }).click();
    const row = editor.getByRole('group', { name: 'Expectation 1', exact: true });
    await row.getByLabel('Kind', { exact: true }).selectOption({ label: 'Has tag' });
    expect(await row.getByLabel('Workflow', { exact: true }).count()).toBe(0);
    expect(await row.getByLabel('Contact', { exact: true }).locator('option:checked').textContent()).toBe('Contact (contact)');
    // Empty, the tag is a problem at its field; written, none is left.
    await summary.getByText('1 problem', { exact: true }).waitFor();
    expect(await summary.textContent()).toContain('Expectation 1 · Tag');
    await row.getByLabel('Tag', { exact: true }).fill('handed-over');
    await summary.getByText('No problems', { exact: true }).waitFor();
    await editor.getByRole('tab', { name: 'JSON', exact: true }).click();
    const json = jsonEditor(editor);
    await json.loaded();
    expect(JSON.parse(await json.text())).toMatchObject({ expect: [{ contact: 'contact', hasTag: 'handed-over' }] });
    await editor.getByRole('tab', { name: 'Form', exact: true }).click();
    await editor.getByRole('button', { name: 'Save with this Workflow' }).click();
    await editor.waitFor({ state: 'detached' });

    const bar = page.getByRole('group', { name: 'Playback' });
    const expectations = page.getByRole('region', { name: 'Expectations', exact: true }).getByRole('listitem');
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await openDock(page, 'Report');
    await expectations.first().waitFor();
    expect(await expectations.allTextContents()).toEqual([expect.stringMatching(/^✗Fails: Expected contact to have the tag "handed-over", but it does not/)]);

    // An event adds the tag: replayed, the expectation holds.
    await page.getByRole('button', { name: 'Edit script' }).click();
    await editor.getByRole('button', { name: 'Add event' }).click();
    const added = editor.getByRole('group', { name: 'Event 2', exact: true });
    await added.getByLabel('Type', { exact: true }).selectOption({ label: 'Tag added' });
    await added.getByLabel('Tag', { exact: true }).fill('handed-over');
    await summary.getByText('No problems', { exact: true }).waitFor();
    await editor.getByRole('button', { name: 'Save script' }).click();
    await editor.waitFor({ state: 'detached' });
    // The edit replays the script to where playback was, its end: the report follows without Run to end.
    await expectations.filter({ hasText: 'Holds' }).waitFor();
    expect(await bar.getByRole('button', { name: 'Run to end' }).isDisabled()).toBe(true);
    expect(await expectations.allTextContents()).toEqual([expect.stringMatching(/^✓Holds: contact has the tag "handed-over"$/)]);
  });

  it('the same saved script edited in two tabs: the second save overwrites nothing, the person there is told and keeps their edit as a copy; both edits survive', async () => {
    const first = await session.open();
    await simulateExample(first, '24h follow-up');
    await first.getByLabel('Script file to import').setInputFiles({ name: 'mine.script.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exampleScript(), name: 'My replies' })) });
    await first.waitForFunction(() => new URLSearchParams(location.search).get('script')?.startsWith('saved:'));
    const second = await session.openTab({ path: new URL(first.url()).pathname + new URL(first.url()).search });
    await scriptPicker(second).waitFor();
    expect(await chosenScript(second)).toBe('My replies');

    /** Opens the editor on the chosen saved script and changes the first event's text. */
    const edit = async (page: Page, text: string) => {
      await page.getByRole('button', { name: 'Edit script' }).click();
      const editor = page.getByRole('region', { name: 'Script editor' });
      await editor.getByRole('group', { name: 'Event 1', exact: true }).getByLabel('Text', { exact: true }).fill(text);
      return editor;
    };
    const editedHere = await edit(first, 'Edited in the first tab');
    const editedThere = await edit(second, 'Edited in the second tab');
    await editedHere.getByRole('button', { name: 'Save script' }).click();
    await editedHere.waitFor({ state: 'detached' });
    // Told at once, before saving, and again, with the choice, on Save.
    await second.getByRole('status').filter({ hasText: 'This script was saved in another tab since you opened it here' }).waitFor();

    await editedThere.getByRole('button', { name: 'Save script' }).click();
    const conflict = second.getByRole('alert', { name: 'Edit conflict' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Changed in another tab');
    expect(await editedThere.isVisible()).toBe(true);
    await saveScreenshot(second, 'script-edit-conflict', { fullPage: false });
    await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await editedThere.waitFor({ state: 'detached' });
    await waitForToast(second, 'Kept your edit as “My replies (my copy)”');
    expect(await chosenScript(second)).toBe('My replies (my copy)');

    await first.waitForFunction(() => document.querySelectorAll('optgroup[label="Saved with this Workflow"] option').length === 2);
    expect(await savedScripts(first)).toEqual(['My replies', 'My replies (my copy)']);
    const stored = JSON.parse(await dumpIndexedDb(first)) as { scripts: { document: { name: string; events: { text?: string }[] } }[] };
    const firstTexts = Object.fromEntries(stored.scripts.map((record) => [record.document.name, record.document.events[0]?.text]));
    expect(firstTexts).toEqual({ 'My replies': 'Edited in the first tab', 'My replies (my copy)': 'Edited in the second tab' });
  });
});
