import type { z } from 'zod';
import { formatJsonPath } from '../../../simulator/schema/parseDocument.ts';
import { SHARE_FORMAT_VERSION, shareSituationV1Schema, type ShareSituation } from '../../../simulator/schema/share.ts';

/** Said of a link whose format or encoding is newer than this version reads. */
export const newerExitflowMessage = 'This link was made by a newer version of exitflow: update exitflow to open it.';

export type ReadShareResult = { readonly ok: true; readonly situation: ShareSituation } | { readonly ok: false; readonly message: string };

/**
 * One reader per format a link was ever made with, each ending in the current format: a new
 * format adds its schema here and turns the previous reader's result into it, so old links open.
 */
const readers: Record<number, (raw: unknown) => ReadShareResult> = {
  1: (raw) => fromZod(shareSituationV1Schema.safeParse(raw)),
};

/** The most problems one message lists: a hostile link can have thousands. */
const LISTED_PROBLEMS = 3;

function fromZod(parsed: z.ZodSafeParseResult<ShareSituation>): ReadShareResult {
  if (parsed.success) return { ok: true, situation: parsed.data };
  const issues = parsed.error.issues;
  const listed = issues.slice(0, LISTED_PROBLEMS).map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
  const more = issues.length > LISTED_PROBLEMS ? `; and ${issues.length - LISTED_PROBLEMS} more` : '';
  return { ok: false, message: `This link's situation is not valid: ${listed.join('; ')}${more}.` };
}

/** Checks a decoded situation against the schema of its format version (`v`), never throwing. */
export function readShareSituation(raw: unknown): ReadShareResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: "This link's situation is not valid: $: Expected a JSON object." };
  const version = (raw as { v?: unknown }).v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, message: `This link's situation is not valid: $.v: Expected a format version from 1 to ${SHARE_FORMAT_VERSION}.` };
  const read = readers[version];
  if (!read) return { ok: false, message: newerExitflowMessage };
  return read(raw);
}
