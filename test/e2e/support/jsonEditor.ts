import type { Locator } from 'playwright-core';

/**
 * The script editor's JSON view, a CodeMirror editor: its text box is contenteditable, so
 * Playwright's `fill` and `inputValue` do not apply — these type and read as a person would.
 */
export function jsonEditor(editor: Locator) {
  const content = editor.locator('.cm-content');
  return {
    content,
    /** Waits for the code editor's chunk; the plain text box stands in until then. */
    loaded: () => content.waitFor(),
    /** The whole text: every line is drawn for a script that fits the editor's rendered viewport, as these do. */
    text: async () => (await content.locator('.cm-line').allInnerTexts()).join('\n'),
    /** Select all, then the new text as one insertion (as a paste is), so no bracket is closed twice. */
    replace: async (text: string) => {
      await content.click();
      await content.press('ControlOrMeta+a');
      await content.page().keyboard.insertText(text);
    },
  };
}
