import { base64urlToBytes } from './base64url.ts';
import { inflateBytes } from './deflateBytes.ts';
import { newerExitflowMessage, readShareSituation, type ReadShareResult } from './readShareSituation.ts';
import { SHARE_FRAGMENT_PREFIX, SHARE_FRAGMENT_READ_LIMIT, SHARE_INFLATED_LIMIT } from './shareFragmentLimits.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

const DAMAGED = 'This link is damaged (cut short or changed on the way): ask for it again, or for a file instead.';
const NOT_A_LINK = 'Not an exitflow share link: the part of its address after "#" should start with "s1."';
const ENCODING = /^s(\d{1,6})\./;
const SHARE_ENCODING_VERSION = Number(/\d+/.exec(SHARE_FRAGMENT_PREFIX)?.[0]);

/**
 * The situation a URL fragment carries, checked against its schema; never throws. Each refusal
 * says why in words for the person who opened the link: not a share link, damaged, too large,
 * made by a newer exitflow, or not a valid situation (with the JSON path of the first problems).
 */
export async function decodeShareFragment(fragment: string): Promise<ReadShareResult> {
  try {
    return await decode(fragment);
  } catch {
    // Nothing below is meant to throw; a platform surprise is still a refused link, not a crash.
    return { ok: false, message: DAMAGED };
  }
}

async function decode(fragment: string): Promise<ReadShareResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const encoding = ENCODING.exec(text);
  if (!encoding) return { ok: false, message: NOT_A_LINK };
  if (`#${encoding[0]}` !== SHARE_FRAGMENT_PREFIX)
    return Number(encoding[1]) > SHARE_ENCODING_VERSION ? { ok: false, message: newerExitflowMessage } : { ok: false, message: NOT_A_LINK };
  if (text.length > SHARE_FRAGMENT_READ_LIMIT)
    return { ok: false, message: `This link is too long to open (${formatCount(text.length)} characters; at most ${formatCount(SHARE_FRAGMENT_READ_LIMIT)}).` };
  const compressed = base64urlToBytes(text.slice(encoding[0].length));
  if (!compressed) return { ok: false, message: DAMAGED };
  const inflated = await inflateBytes(compressed, SHARE_INFLATED_LIMIT);
  if (!inflated.ok)
    return {
      ok: false,
      message: inflated.reason === 'too_large' ? `This link unpacks to more than ${SHARE_INFLATED_LIMIT / 1024 / 1024} MB, more than any link exitflow makes, so it is not opened.` : DAMAGED,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return { ok: false, message: 'This link does not hold a situation: its contents are not JSON text.' };
  }
  return readShareSituation(raw);
}
