/**
 * What starts a share link's fragment: `s` and the version of its encoding (JSON, zlib deflate,
 * base64url). The situation inside carries its own format version (`v`).
 */
export const SHARE_FRAGMENT_PREFIX = '#s1.';

/**
 * The longest fragment a link is made with, in characters (= bytes: base64url is ASCII).
 * Browsers open URLs of megabytes, but a link is only worth making if it survives being pasted:
 * Microsoft Teams refuses a message over about 28 KB and Slack cuts one at 40,000 characters,
 * and mail clients wrap or break very long lines. 24,000 leaves room for the app's address and a
 * sentence around it; the bundled examples need a tenth of it (README).
 */
export const SHARE_FRAGMENT_LIMIT = 24_000;

/**
 * The longest fragment a link is read from: more than is ever made, so a link made before a
 * lower limit still opens, yet bounded, so a hostile one is refused before it is decoded.
 */
export const SHARE_FRAGMENT_READ_LIMIT = 1_000_000;

/**
 * The most a fragment may unpack to. Its JSON compresses about tenfold, so a fragment at the
 * limit holds a few hundred KB; 8 MB stops a decompression bomb long before it costs memory.
 */
export const SHARE_INFLATED_LIMIT = 8 * 1024 * 1024;
