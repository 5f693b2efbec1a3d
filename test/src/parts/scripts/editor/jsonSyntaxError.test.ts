import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../../../../src/parts/scripts/editor/jsonSyntaxError.ts';

/** The message this engine's JSON.parse gives for `text` (fails the test when the text parses). */
function errorOf(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parsed`);
}

const TEXT = '{\n  "format": "exitflow.script/1",\n  name: "Broken"\n}';

describe('jsonSyntaxError: what is wrong with JSON text, and where', () => {
  it('places the error by line and column, counted from 1, from the position Node and Chromium give', () => {
    expect(jsonSyntaxError(TEXT, errorOf(TEXT))).toBe('Line 3, column 3: Expected double-quoted property name');
  });

  it('reads the newer Chromium wording, which adds its own line and column', () => {
    const error = new SyntaxError('Expected double-quoted property name in JSON at position 37 (line 3 column 3)');
    expect(jsonSyntaxError(TEXT, error)).toBe('Line 3, column 3: Expected double-quoted property name');
  });

  it('reads the Firefox wording', () => {
    const error = new SyntaxError('JSON.parse: expected double-quoted property name at line 3 column 3 of the JSON data');
    expect(jsonSyntaxError(TEXT, error)).toBe('Line 3, column 3: Expected double-quoted property name');
  });

  it('places an unexpected end just after the last character', () => {
    const text = '{\n  "name": "Cut';
    expect(jsonSyntaxError(text, errorOf(text))).toBe('Line 2, column 15: Unterminated string');
    expect(jsonSyntaxError('', errorOf(''))).toBe('Line 1, column 1: Unexpected end of JSON input');
  });

  it('drops the copy of the whole text Chromium quotes after an unexpected token', () => {
    const message = jsonSyntaxError('[1,]', new SyntaxError('Unexpected token \']\', "[1,]" is not valid JSON'));
    expect(message).toBe("Unexpected token ']'");
  });

  it('says something for an error of an unknown shape', () => {
    expect(jsonSyntaxError('x', 'broken')).toBe('Broken');
  });
});
