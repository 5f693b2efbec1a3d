/**
 * Characters that must not reach a terminal raw from a name or a message someone else wrote:
 * C0 controls (NUL, tab, line breaks, ESC…), DEL, C1 controls, the line and paragraph separators
 * U+2028/U+2029, the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, the "Trojan Source" characters), and lone surrogates (not text at all: with
 * the u flag a well-formed pair is one code point and is kept).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

/** Characters `JSON.stringify` leaves raw that a terminal would still act on. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16);

/**
 * `text` safe to print as one line for people: every unsafe character (see `UNSAFE`) written as
 * `\u{…}` (a newline becomes `\u{a}`, U+202E `\u{202e}`), so a name holding a line break cannot
 * forge a second line and a bidi override cannot reorder what follows. Everything else, other
 * scripts and emoji included, is kept; text without unsafe characters comes back unchanged, and
 * escaping twice changes nothing more.
 */
export function escapeText(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char) => `\\u{${hex(char)}}`);
}

/**
 * A line of JSON (from `JSON.stringify`, which already escapes C0 controls and lone surrogates)
 * with DEL, C1 controls, U+2028/U+2029 and the bidi controls written as JSON escapes
 * (`\u202e`): the same value for a parser, harmless on a terminal. Those characters can only stand
 * inside strings, where the escape means the same character.
 */
export function escapeJsonLine(json: string): string {
  UNSAFE_IN_JSON.lastIndex = 0;
  if (!UNSAFE_IN_JSON.test(json)) return json;
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${(char.charCodeAt(0) | 0x10000).toString(16).slice(1)}`);
}
