/** Cells a spreadsheet would run as a formula: a leading = + - @ (and tab or carriage return, which some read the same way). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell of CSV: a text a spreadsheet could take for a formula gets a leading `'` (names come
 * from files anyone may have written), and a cell holding a comma, a quote or a line break is
 * quoted with its quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV (RFC 4180: comma-separated, CRLF line ends), the first row being the header. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
