import { shareSituationSchema, type ShareSituation } from '../../../simulator/schema/share.ts';
import { encodeShareFragment } from '../../common/shareLink/encodeShareFragment.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

export type CheckedShareFragment =
  | { readonly ok: true; readonly fragment: string }
  | { readonly ok: false; readonly title: string; readonly description?: string };

/**
 * A situation as a share link's fragment, or why there is none: not a situation a link could open
 * (checked with the schema that opens it, so a link never fails only when someone else opens it),
 * or too large for a link. Fetched when Copy link is first pressed (useCopyShareLink.tsx): the
 * schema and the compression are no part of a first screen.
 */
export async function checkedShareFragment(shown: ShareSituation, instead: string): Promise<CheckedShareFragment> {
  const checked = shareSituationSchema.safeParse(shown);
  if (!checked.success)
    return { ok: false, title: 'This cannot be shared as a link', description: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const encoded = await encodeShareFragment(shown);
  if (!encoded.ok)
    return { ok: false, title: `Too large for a link (${formatCount(encoded.bytes)} characters; links hold up to ${formatCount(encoded.limit)}) — ${instead}` };
  return { ok: true, fragment: encoded.fragment };
}
