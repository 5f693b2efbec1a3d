/**
 * What a text field shows for a draft value: the string itself, nothing for a missing value, and the
 * JSON of anything else (a number typed where text belongs) so the field shows what the problem is about.
 */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value) ?? '';
}
