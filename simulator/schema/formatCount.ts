/**
 * A count as English writes it, its thousands grouped by commas: 1000000 → "1,000,000".
 *
 * Not `toLocaleString('en-US')`: the first call in a page loads the browser's number-formatting
 * data, about 40 ms in Chromium (four times that on a slow phone), and the schemas spell out
 * their limits in messages built as the app starts. Only whole numbers are counts; anything else
 * is left to `toLocaleString`, which costs that only when it happens.
 */
export function formatCount(n: number | bigint): string {
  if (typeof n === 'number' && !(Number.isSafeInteger(n))) return n.toLocaleString('en-US');
  const digits = String(n < 0 ? -n : n);
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + grouped;
  return n < 0 ? `-${grouped}` : grouped;
}
