import { describe, expect, it } from 'vitest';
import { expectationKindOf } from '../../../../../src/parts/scripts/editor/expectationKindOf.ts';
import { initScriptEditor } from '../../../../../src/parts/scripts/editor/initScriptEditor.ts';
import { reduceScriptEditor } from '../../../../../src/parts/scripts/editor/reduceScriptEditor.ts';

const script = { format: 'exitflow.script/1', name: 'S', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'dana' }], events: [] };

describe('the script editor’s state', () => {
  it('opens a script with its JSON pretty-printed', () => {
    const state = initScriptEditor(script);
    expect(state).toEqual({ document: script, text: JSON.stringify(script, null, 2), syntaxError: null });
    expect(state.text).toContain('\n  "name": "S",\n');
  });

  it('opens a text as JSON: a broken file with its syntax error, a good one as its document with its own text', () => {
    expect(initScriptEditor('{ "name": ')).toEqual({ document: undefined, text: '{ "name": ', syntaxError: expect.stringMatching(/^Line 1, column 11: /) });
    expect(initScriptEditor('{"name":"S"}')).toEqual({ document: { name: 'S' }, text: '{"name":"S"}', syntaxError: null });
  });

  it('opens what JSON cannot hold without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(initScriptEditor(cyclic).text).toBe('');
    expect(initScriptEditor(undefined)).toEqual({ document: undefined, text: '', syntaxError: null });
    expect(initScriptEditor(10n).text).toBe('');
  });

  it('keeps text that is not JSON as typed, with the last document, until it parses again', () => {
    const opened = initScriptEditor(script);
    const broken = reduceScriptEditor(opened, { kind: 'type', text: '{ "name": "T", }' });
    expect(broken.text).toBe('{ "name": "T", }');
    expect(broken.document).toBe(script);
    expect(broken.syntaxError).not.toBeNull();
    const fixed = reduceScriptEditor(broken, { kind: 'type', text: '{ "name": "T" }' });
    expect(fixed).toEqual({ document: { name: 'T' }, text: '{ "name": "T" }', syntaxError: null });
  });

  it('applies a form edit to the document and rewrites the text', () => {
    const state = reduceScriptEditor(initScriptEditor(script), { kind: 'edit', edit: { kind: 'set', path: ['name'], value: 'Renamed' } });
    expect(state.document).toEqual({ ...script, name: 'Renamed' });
    expect(state.text).toBe(JSON.stringify({ ...script, name: 'Renamed' }, null, 2));
  });

  it('ignores a form edit while the form cannot be shown', () => {
    const broken = reduceScriptEditor(initScriptEditor(script), { kind: 'type', text: '{' });
    expect(reduceScriptEditor(broken, { kind: 'edit', edit: { kind: 'set', path: ['name'], value: 'X' } })).toBe(broken);
    const notAList = initScriptEditor({ ...script, events: 'none' });
    expect(reduceScriptEditor(notAList, { kind: 'edit', edit: { kind: 'addRow', list: 'events' } })).toBe(notAList);
  });

  it('round-trips the tag and field expectations exactly between the form and the JSON view', () => {
    const contactAtEnd = [
      { contact: 'dana', hasTag: 'handed-over' },
      { contact: 'dana', lacksTag: 'nurture' },
      { contact: 'dana', field: 'stage', equals: 'human' },
    ];
    const opened = initScriptEditor({ ...script, expect: contactAtEnd });
    const rows = (state: ReturnType<typeof initScriptEditor>) => (state.document as { expect: Record<string, unknown>[] }).expect;
    expect(rows(opened).map(expectationKindOf)).toEqual(['hasTag', 'lacksTag', 'fieldEquals']);
    // Away to another kind and back by the form: the text is what was opened, key order included.
    const there = reduceScriptEditor(opened, { kind: 'edit', edit: { kind: 'changeExpectationKind', index: 0, expectationKind: 'lacksTag' } });
    expect(rows(there)[0]).toEqual({ contact: 'dana', lacksTag: 'handed-over' });
    const back = reduceScriptEditor(there, { kind: 'edit', edit: { kind: 'changeExpectationKind', index: 0, expectationKind: 'hasTag' } });
    expect(back.text).toBe(opened.text);
    // A value typed in the form is in the text; that text typed into the JSON view is the same document.
    const edited = reduceScriptEditor(opened, { kind: 'edit', edit: { kind: 'set', path: ['expect', 2, 'equals'], value: 'bot' } });
    expect(edited.text).toContain('"field": "stage",\n      "equals": "bot"');
    expect(reduceScriptEditor(opened, { kind: 'type', text: edited.text }).document).toEqual(edited.document);
  });
});
