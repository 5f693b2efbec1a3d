import type { TextRange } from './jsonPathRange.ts';

/** The place `jsonSyntaxError` names: `Line 3, column 3: …`. */
const AT_LINE_COLUMN = /^Line (\d+), column (\d+): /;

/**
 * Where a syntax error is, from the line and column its message names (the message the form shows,
 * so the two agree); the end of the text when it names none. One character wide, or zero at the end.
 *
 * @example syntaxErrorRange('{\n  b\n}', 'Line 2, column 3: Expected double-quoted property name') // { from: 4, to: 5 }
 */
export function syntaxErrorRange(text: string, message: string): TextRange {
  const match = AT_LINE_COLUMN.exec(message);
  if (!match) return { from: text.length, to: text.length };
  let lineStart = 0;
  for (let line = 1; line < Number(match[1]); line += 1) {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  const from = Math.min(lineStart + Number(match[2]) - 1, text.length);
  return { from, to: Math.min(from + 1, text.length) };
}
