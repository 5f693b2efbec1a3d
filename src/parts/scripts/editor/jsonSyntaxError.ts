/** Where `position` (a UTF-16 index, as JSON.parse reports it) is in `text`, counted from 1. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** Chromium and Node: `… in JSON at position 14 (line 3 column 3)`, the parenthesis in newer versions only. */
const AT_POSITION = /\s+in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
/** Firefox: `JSON.parse: … at line 3 column 3 of the JSON data`. */
const AT_LINE = /\s+at line (\d+) column (\d+) of the JSON data$/;
/** Chromium quotes the whole text after an unexpected token; the text is in the textarea already. */
const QUOTED_TEXT = /, ".*" is not valid JSON$/s;

/**
 * Says what `JSON.parse(text)` found wrong, with the line and column when the browser gives a position.
 * Browsers word these differently; this reads the forms Chromium, Node and Firefox use.
 *
 * @example jsonSyntaxError('{\n  b\n}', new SyntaxError('Expected double-quoted property name in JSON at position 4'))
 * // 'Line 2, column 3: Expected double-quoted property name'
 */
export function jsonSyntaxError(text: string, error: unknown): string {
  let message = (error instanceof Error ? error.message : String(error)).replace(/^JSON\.parse: /, '').replace(QUOTED_TEXT, '');
  let where: { line: number; column: number } | null = null;
  const atPosition = AT_POSITION.exec(message);
  const atLine = AT_LINE.exec(message);
  if (atPosition) {
    where = lineAndColumn(text, Number(atPosition[1]));
    message = message.slice(0, atPosition.index);
  } else if (atLine) {
    where = { line: Number(atLine[1]), column: Number(atLine[2]) };
    message = message.slice(0, atLine.index);
  } else if (/end of (JSON|data)/i.test(message)) {
    where = lineAndColumn(text, text.length);
  }
  message = message.charAt(0).toUpperCase() + message.slice(1);
  return where ? `Line ${where.line}, column ${where.column}: ${message}` : message;
}
