import { parseScriptDocument, type DocumentIssue } from '../../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import { describeIssuePath } from './describeIssuePath.ts';
import type { ScriptEditorState } from './reduceScriptEditor.ts';

/** One problem of the draft: at a JSON path (`$.events[3].user`), where that is in the form's words, and what is wrong. */
export interface DraftIssue extends DocumentIssue {
  readonly where: string;
}

export interface ScriptDraftCheck {
  /** The parsed script, when the draft has no problem: what Save hands over. */
  readonly script: Script | null;
  readonly issues: readonly DraftIssue[];
}

/**
 * Checks the editor's draft with the script schema (the same parse as an imported file and the
 * command line, which refuses fields it does not know). While the JSON text does not parse, its syntax error is
 * the one problem: the last document is not what is typed.
 */
export function checkScriptDraft({ document, syntaxError }: Pick<ScriptEditorState, 'document' | 'syntaxError'>): ScriptDraftCheck {
  if (syntaxError !== null) return { script: null, issues: [{ path: '$', where: 'JSON', message: syntaxError }] };
  const parsed = parseScriptDocument(document);
  if (parsed.ok) return { script: parsed.value, issues: [] };
  return { script: null, issues: parsed.issues.map((issue) => ({ ...issue, where: describeIssuePath(issue.path) })) };
}
