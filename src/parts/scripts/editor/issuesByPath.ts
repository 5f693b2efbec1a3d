import { formatJsonPath } from '../../../../simulator/schema/parseDocument.ts';
import type { FieldPath } from '../../../common/setIn.ts';
import type { DraftIssue } from './checkScriptDraft.ts';

/** The problems at one place of the draft, for the field that edits it; with `within`, also those inside it. */
export type IssuesAt = (path: FieldPath, within?: 'within') => readonly DraftIssue[];

const NONE: readonly DraftIssue[] = [];

/**
 * Groups the draft's problems by path, so each field asks for its own.
 *
 * @example issuesByPath(check.issues)(['events', 3, 'user']) // the problems of event 4's User
 */
export function issuesByPath(issues: readonly DraftIssue[]): IssuesAt {
  const byPath = new Map<string, DraftIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return (path, within) => {
    const at = formatJsonPath(path);
    if (!within) return byPath.get(at) ?? NONE;
    return issues.filter((issue) => issue.path === at || issue.path.startsWith(`${at}.`) || issue.path.startsWith(`${at}[`));
  };
}
