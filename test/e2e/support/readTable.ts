import type { Locator } from 'playwright-core';

/**
 * The body rows of an HTML table as the person sees them: one object per row, keyed by the
 * column headers, each cell's text with white space collapsed.
 */
export function readTable(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((element) => {
    const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    const headers = Array.from(element.querySelectorAll('thead th'), text);
    return Array.from(element.querySelectorAll('tbody tr'), (row) =>
      Object.fromEntries(Array.from(row.children, (cell, i) => [headers[i] ?? String(i), text(cell)])),
    );
  });
}
