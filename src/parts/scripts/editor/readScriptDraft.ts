import { z } from 'zod';
import { formatJsonPath } from '../../../../simulator/schema/parseDocument.ts';
import { describeIssuePath } from './describeIssuePath.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

const row = z.record(z.string(), z.unknown());
const rows = z.array(row).optional();

/**
 * The shape the form can lay out — an object whose lists are lists of objects — and nothing more:
 * whether the values are right is the script schema's job, shown beside each field.
 */
const scriptDraftSchema = z.looseObject({ users: rows, contacts: rows, events: rows, expect: rows, population: row.optional() });

/** A script document as the form edits it: possibly invalid, but shaped so each row has fields. */
export type ScriptDraft = z.infer<typeof scriptDraftSchema>;

/**
 * The rows (contacts, users, events, expectations) the form lays out at most. Each is a group of
 * fields: a 4 MB script of 22,000 events froze the page for more than 30 s drawing them. Bigger
 * scripts are edited as JSON, which handles megabytes.
 */
export const FORM_ROWS = 1_000;

export type ReadScriptDraft = { readonly ok: true; readonly draft: ScriptDraft } | { readonly ok: false; readonly reason: string };

/**
 * Reads a document for the form, or says why the form cannot show it (only the JSON view can).
 *
 * @example readScriptDraft({ events: 'none' }) // { ok: false, reason: 'The form cannot show Events: it must be a list. …' }
 */
export function readScriptDraft(document: unknown): ReadScriptDraft {
  const parsed = scriptDraftSchema.safeParse(document);
  // The document itself, not zod's copy: the copy puts known keys first, and the JSON view would reorder the file.
  if (parsed.success) {
    const draft = document as ScriptDraft;
    const lists = [
      ['event', draft.events?.length ?? 0],
      ['contact', draft.contacts?.length ?? 0],
      ['user', draft.users?.length ?? 0],
      ['expectation', draft.expect?.length ?? 0],
    ] as const;
    const rows = lists.reduce((sum, [, count]) => sum + count, 0);
    if (rows <= FORM_ROWS) return { ok: true, draft };
    const counts = lists.filter(([, count]) => count > 0).map(([name, count]) => `${formatCount(count)} ${name}${count === 1 ? '' : 's'}`);
    return { ok: false, reason: `This script has ${counts.join(', ')}: the form lays out up to ${formatCount(FORM_ROWS)} rows. Edit it in the JSON view.` };
  }
  const issue = parsed.error.issues[0];
  const expected = issue?.code === 'invalid_type' && issue.expected === 'array' ? 'a list' : 'an object';
  const where = issue && issue.path.length > 0 ? describeIssuePath(formatJsonPath(issue.path)) : 'this script';
  return { ok: false, reason: `The form cannot show ${where}: it must be ${expected}. Fix it in the JSON view.` };
}
