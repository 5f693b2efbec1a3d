import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../../../../../src/parts/scripts/editor/jsonSyntaxError.ts';
import { syntaxErrorRange } from '../../../../../../src/parts/scripts/editor/json/syntaxErrorRange.ts';

function messageOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxError(text, error);
  }
  throw new Error(`${text} parsed`);
}

describe('syntaxErrorRange: the place a syntax error names', () => {
  it('is the character at the line and column of the message the form shows', () => {
    const text = '{\n  "format": "exitflow.script/1",\n  name: "Broken"\n}';
    const { from, to } = syntaxErrorRange(text, messageOf(text));
    expect(text.slice(from, to)).toBe('n');
    expect(text.slice(0, from).split('\n')).toHaveLength(3);
  });

  it('is the end of the text for a text cut short, and for a message without a place', () => {
    const text = '{"a": [1, 2';
    expect(syntaxErrorRange(text, messageOf(text))).toEqual({ from: text.length, to: text.length });
    expect(syntaxErrorRange(text, 'Unexpected token')).toEqual({ from: text.length, to: text.length });
  });

  it('stays inside the text when the line or column is past its end', () => {
    expect(syntaxErrorRange('{}', 'Line 9, column 40: x')).toEqual({ from: 2, to: 2 });
  });
});
