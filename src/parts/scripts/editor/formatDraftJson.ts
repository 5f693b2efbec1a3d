/**
 * The JSON view's text for a document: 2-space JSON. A value JSON cannot hold (a cycle, a BigInt,
 * `undefined`) gives an empty text rather than an exception, so any `initial` opens.
 */
export function formatDraftJson(document: unknown): string {
  try {
    return JSON.stringify(document, null, 2) ?? '';
  } catch {
    return '';
  }
}
