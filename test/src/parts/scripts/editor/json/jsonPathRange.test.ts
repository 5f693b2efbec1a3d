import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../../../../../simulator/schema/parseDocument.ts';
import { jsonPathRange } from '../../../../../../src/parts/scripts/editor/json/jsonPathRange.ts';

/** The text a path's range covers. */
function at(text: string, path: string): string {
  const { from, to } = jsonPathRange(text, path);
  return text.slice(from, to);
}

describe('jsonPathRange: where the value at a JSON path is in the text', () => {
  const text = JSON.stringify({ name: 'x', events: [{ at: '+0', type: 'assign' }, { at: '+1h', tags: ['a', ['b', 'c']] }] }, null, 2);

  it('covers a scalar with its key, and a list item without one', () => {
    expect(at(text, '$.name')).toBe('"name": "x"');
    expect(at(text, '$.events[1].at')).toBe('"at": "+1h"');
    expect(at(text, '$.events[1].tags[0]')).toBe('"a"');
  });

  it('finds items in nested lists', () => {
    expect(at(text, '$.events[1].tags[1][1]')).toBe('"c"');
  });

  it('marks an object or list by its key, or its opening bracket when it has none, not all its lines', () => {
    expect(at(text, '$.events')).toBe('"events"');
    expect(at(text, '$.events[0]')).toBe('{');
    expect(at(text, '$.events[1].tags[1]')).toBe('[');
  });

  it('shows a missing value at the nearest place that exists: its object', () => {
    expect(at(text, '$.events[0].text')).toBe('{');
    expect(at(text, '$.events[7].at')).toBe('"events"');
    expect(at(text, '$.nothing')).toBe('{');
    expect(at(text, '$')).toBe('{');
  });

  it('finds keys with odd characters, written as formatJsonPath writes them', () => {
    const odd = JSON.stringify({ contacts: [{ fields: { 'first name': 'Ann', 'a"b\\c': 'q', 'é.ü': 'u', '0': 'zero' } }] });
    for (const [key, value] of [['first name', 'Ann'], ['a"b\\c', 'q'], ['é.ü', 'u'], ['0', 'zero']] as const) {
      expect(at(odd, formatJsonPath(['contacts', 0, 'fields', key]))).toBe(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
    }
  });

  it('counts in UTF-16, as the editor does: text after an emoji is found', () => {
    const emoji = '{"name": "😀😀", "start": 5}';
    expect(at(emoji, '$.start')).toBe('"start": 5');
  });

  it('reads a broken document as far as it goes', () => {
    const broken = '{\n  "name": "x",\n  "events": [\n    { "at": "+0", "type": \n';
    expect(at(broken, '$.name')).toBe('"name": "x"');
    expect(at(broken, '$.events[0].at')).toBe('"at": "+0"');
    expect(jsonPathRange('', '$.name')).toEqual({ from: 0, to: 0 });
    expect(at('not json', '$.name')).toBe('n');
  });
});
