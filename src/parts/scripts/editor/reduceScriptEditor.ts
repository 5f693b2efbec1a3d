import { editScriptDraft, type ScriptDraftEdit } from './editScriptDraft.ts';
import { formatDraftJson } from './formatDraftJson.ts';
import { jsonSyntaxError } from './jsonSyntaxError.ts';
import { readScriptDraft } from './readScriptDraft.ts';

/** What the script editor holds while someone edits. */
export interface ScriptEditorState {
  /** The document as last read: what the form shows, the schema checks and Save hands over. */
  readonly document: unknown;
  /** The JSON view's text, kept as typed even while it is not JSON. */
  readonly text: string;
  /** What is wrong with `text` as JSON (`document` is then the last text that was); null when it is JSON. */
  readonly syntaxError: string | null;
}

export type ScriptEditorAction =
  /** A change made in the form. */
  | { readonly kind: 'edit'; readonly edit: ScriptDraftEdit }
  /** The JSON view's text as typed. */
  | { readonly kind: 'type'; readonly text: string };

/** Reads JSON text: its value becomes the document; a syntax error keeps the last document and says what is wrong. */
function typed(state: ScriptEditorState, text: string): ScriptEditorState {
  try {
    return { document: JSON.parse(text) as unknown, text, syntaxError: null };
  } catch (error) {
    return { document: state.document, text, syntaxError: jsonSyntaxError(text, error) };
  }
}

/** The editor's reducer: form edits rewrite the JSON text; typed JSON replaces the document when it parses. */
export function reduceScriptEditor(state: ScriptEditorState, action: ScriptEditorAction): ScriptEditorState {
  switch (action.kind) {
    case 'edit': {
      const read = readScriptDraft(state.document);
      // The form is not shown for such a document, so no edit can come from it; ignoring one keeps the JSON text.
      if (!read.ok || state.syntaxError !== null) return state;
      const document = editScriptDraft(read.draft, action.edit);
      return { document, text: formatDraftJson(document), syntaxError: null };
    }
    case 'type':
      return typed(state, action.text);
  }
}
