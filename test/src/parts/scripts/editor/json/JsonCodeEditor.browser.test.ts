import { EditorView } from '@codemirror/view';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import JsonCodeEditor from '../../../../../../src/parts/scripts/editor/json/JsonCodeEditor.tsx';
import { reactRootPerTest } from '../../../../../support/reactRootPerTest.ts';

const root = reactRootPerTest();

/** The editor mounted in the page with `text`, its view, and the texts it handed on. */
function mount(text: string) {
  const onType = vi.fn<(text: string) => void>();
  const editor = (next: string) => createElement(JsonCodeEditor, { label: 'Script JSON', text: next, control: { id: 'json' }, onType });
  const render = (next: string) => root.render(editor(next), { sync: true });
  const content = root.mount(editor(text), { sync: true }).querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  return { view, onType, render };
}

/** A keystroke's worth of change at the end, as typing makes it. */
const typeAtEnd = (view: EditorView, insert: string) => view.dispatch({ changes: { from: view.state.doc.length, insert }, userEvent: 'input.type' });

describe('JsonCodeEditor: the text typed in the JSON view reaches the draft', () => {
  it('hands a script of ordinary size on at every key, labelled as the field', () => {
    const { view, onType } = mount('{}');
    expect(view.contentDOM.getAttribute('aria-label')).toBe('Script JSON');
    expect(view.contentDOM.id).toBe('json');
    typeAtEnd(view, ' ');
    expect(onType).toHaveBeenLastCalledWith('{} ');
  });

  it('does not hand back a text that came from outside (the form)', () => {
    const { view, onType, render } = mount('{}');
    render('{"name": "x"}');
    expect(view.state.doc.toString()).toBe('{"name": "x"}');
    expect(onType).not.toHaveBeenCalled();
  });

  it('hands a large script on after a pause in typing, not at every key', async () => {
    const large = `{"name": "${'x'.repeat(250_000)}"}`;
    const { view, onType } = mount(large);
    typeAtEnd(view, ' ');
    typeAtEnd(view, ' ');
    expect(onType).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onType).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(onType).toHaveBeenLastCalledWith(`${large}  `);
  });

  it('hands a large script on at once when the editor loses focus (before a click on Save lands) or closes', () => {
    const large = `{"name": "${'x'.repeat(250_000)}"}`;
    const { view, onType } = mount(large);
    view.focus();
    typeAtEnd(view, ' ');
    view.contentDOM.blur();
    expect(onType).toHaveBeenLastCalledWith(`${large} `);
    typeAtEnd(view, '!');
    root.unmount();
    expect(onType).toHaveBeenLastCalledWith(`${large} !`);
    expect(onType).toHaveBeenCalledTimes(2);
  });
});
