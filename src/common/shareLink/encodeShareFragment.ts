import type { ShareSituation } from '../../../simulator/schema/share.ts';
import { bytesToBase64url } from './base64url.ts';
import { deflateBytes } from './deflateBytes.ts';
import { SHARE_FRAGMENT_LIMIT, SHARE_FRAGMENT_PREFIX, SHARE_INFLATED_LIMIT } from './shareFragmentLimits.ts';

export type EncodeShareResult =
  | { readonly ok: true; readonly fragment: string; readonly bytes: number }
  | { readonly ok: false; readonly reason: 'too_large'; readonly bytes: number; readonly limit: number };

/**
 * The URL fragment that carries a situation: `#s1.` then its JSON, compressed, in base64url.
 * A fragment over `SHARE_FRAGMENT_LIMIT` is not made; the app offers a file instead. Nor is one
 * whose JSON is over what a link may unpack to (`SHARE_INFLATED_LIMIT`), however well it
 * compresses, since it would not open: then `bytes` and `limit` count the JSON's bytes.
 *
 * @example const made = await encodeShareFragment({ v: 1, workflows, script, at: 180_000 });
 *          if (made.ok) location.hash = made.fragment;
 */
export async function encodeShareFragment(situation: ShareSituation, limit = SHARE_FRAGMENT_LIMIT): Promise<EncodeShareResult> {
  const json = new TextEncoder().encode(JSON.stringify(situation));
  if (json.byteLength > SHARE_INFLATED_LIMIT) return { ok: false, reason: 'too_large', bytes: json.byteLength, limit: SHARE_INFLATED_LIMIT };
  const compressed = await deflateBytes(json);
  const fragment = SHARE_FRAGMENT_PREFIX + bytesToBase64url(compressed);
  return fragment.length > limit ? { ok: false, reason: 'too_large', bytes: fragment.length, limit } : { ok: true, fragment, bytes: fragment.length };
}
