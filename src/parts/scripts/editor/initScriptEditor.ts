import { formatDraftJson } from './formatDraftJson.ts';
import { reduceScriptEditor, type ScriptEditorState } from './reduceScriptEditor.ts';

/**
 * The editor's first state. `initial` is usually a script, but may be anything an imported file
 * held — a string is read as JSON text, so a broken file opens with its syntax error shown.
 */
export function initScriptEditor(initial: unknown): ScriptEditorState {
  if (typeof initial === 'string') return reduceScriptEditor({ document: undefined, text: '', syntaxError: null }, { kind: 'type', text: initial });
  return { document: initial, text: formatDraftJson(initial), syntaxError: null };
}
