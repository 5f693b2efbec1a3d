import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { scriptCompletions } from '../../../../../../src/parts/scripts/editor/json/scriptCompletions.ts';

/** The completions offered where `|` is, as labels. */
function complete(textWithCursor: string, explicit = false) {
  const pos = textWithCursor.indexOf('|');
  const state = EditorState.create({ doc: textWithCursor.replace('|', '') });
  const result = scriptCompletions(new CompletionContext(state, pos, explicit));
  return { result, labels: result?.options.map((option) => option.label) ?? [] };
}

describe('scriptCompletions: suggestions from the published script schema', () => {
  it("offers every event type for an event's type, over the string being typed", () => {
    const { result, labels } = complete('{"events": [{"at": "+0", "type": "|"}]}');
    expect(labels).toContain('"contact.message"');
    expect(labels).toContain('"workflow.publish"');
    expect(labels).toHaveLength(14);
    expect(result?.from).toBe(33);
    expect(result?.to).toBe(34);
    expect(result?.options.find((option) => option.label === '"tag.add"')?.detail).toBe('Tag added');
  });

  it("offers the properties an object may still have: once an event's type is written, that kind's", () => {
    const { labels } = complete('{"events": [{"type": "tag.add", "at": "+0", "|"}]}');
    expect(labels).toEqual(expect.arrayContaining(['"contact"', '"tag"']));
    expect(labels).not.toContain('"type"');
    expect(labels).not.toContain('"at"');
    expect(labels).not.toContain('"text"');
  });

  it('offers the top-level fields of a script, and the allowed values of an enum and a boolean', () => {
    expect(complete('{\n  "|"\n}').labels).toEqual(expect.arrayContaining(['"format"', '"name"', '"events"', '"expect"']));
    expect(complete('{"users": [{"role": "|"}]}').labels).toEqual(['"owner"', '"manager"', '"agent"']);
    expect(complete('{"users": [{"restricted": |}]}', true).labels).toEqual(['true', 'false']);
  });

  it('offers nothing where the schema allows any text, nor in a broken place', () => {
    expect(complete('{"name": "|"}').result).toBeNull();
    expect(complete('|').result).toBeNull();
  });
});
