import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Script } from '../../../../simulator/schema/script.ts';
import { Tabs } from '../../../ui/Tabs.tsx';
import { useOneAtATime } from '../../../ui/useOneAtATime.ts';
import { checkScriptDraft } from './checkScriptDraft.ts';
import { initScriptEditor } from './initScriptEditor.ts';
import { IssueSummary } from './IssueSummary.tsx';
import { issuesByPath } from './issuesByPath.ts';
import { JsonView, loadCodeEditor } from './JsonView.tsx';
import { readScriptDraft } from './readScriptDraft.ts';
import { reduceScriptEditor } from './reduceScriptEditor.ts';
import { ScriptForm } from './ScriptForm.tsx';
import './scriptEditor.css';

const SYNTAX_ERROR = 'The JSON has a syntax error: fix it in the JSON view to edit the script here.';

interface Props {
  /**
   * The script to edit: usually a valid one, but any imported document opens (a string is read as
   * JSON text). Read once, when the editor mounts: give it a `key` to edit another script.
   */
  readonly initial: unknown;
  /** The Workflows the script plays against, suggested where an event or expectation names one. */
  readonly workflowNames: readonly string[];
  readonly saveLabel?: string;
  /**
   * Called only with a script that parses (the parsed value, defaults filled in). Save is busy until
   * what it returns settles: a second press meanwhile (a double click) is dropped, and a save that
   * failed (the caller says so) can be pressed again.
   */
  readonly onSave: (script: Script) => void | Promise<unknown>;
  readonly onCancel: () => void;
}

/**
 * Edits a script as a form (name, people, an events timeline, expectations) or as JSON, checking it
 * with the script schema on every change and showing each problem beside its field. The draft is
 * this component's own until Save.
 *
 * @example <ScriptEditor initial={script} workflowNames={['24h follow-up']} onSave={save} onCancel={close} />
 */
export function ScriptEditor({ initial, workflowNames, saveLabel = 'Save script', onSave, onCancel }: Props) {
  const [state, dispatch] = useReducer(reduceScriptEditor, initial, initScriptEditor);
  const check = useMemo(() => checkScriptDraft(state), [state]);
  const issuesAt = useMemo(() => issuesByPath(check.issues), [check]);
  // While the text is not JSON the document is the last text that was: the form must not show that as current.
  const read = useMemo(() => (state.syntaxError === null ? readScriptDraft(state.document) : { ok: false as const, reason: SYNTAX_ERROR }), [state.document, state.syntaxError]);
  const summary = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from a button elsewhere: focus comes along, to the editor's title.
  useEffect(() => title.current?.focus(), []);
  // The code editor's chunk starts loading with the script editor, so the JSON tab opens straight
  // into it; a failed load is the JSON view's to say (it keeps a plain text box).
  useEffect(() => {
    loadCodeEditor().catch(() => undefined);
  }, []);

  const saving = useOneAtATime(onSave);
  const save = () => {
    if (check.script) saving.run(check.script);
    else summary.current?.focus();
  };

  return (
    <section className="script-editor" aria-label="Script editor">
      <h2 ref={title} tabIndex={-1} className="script-editor__title">
        Script editor
      </h2>
      <IssueSummary ref={summary} issues={check.issues} />
      <Tabs
        label="Edit the script as"
        // Read once, when the tabs mount: a document the form cannot show opens where it can be fixed.
        defaultValue={read.ok ? 'form' : 'json'}
        tabs={[
          {
            value: 'form',
            label: 'Form',
            content: read.ok ? (
              <ScriptForm draft={read.draft} workflowNames={workflowNames} issuesAt={issuesAt} onEdit={(edit) => dispatch({ kind: 'edit', edit })} />
            ) : (
              <p className="script-editor__blocked">{read.reason}</p>
            ),
          },
          { value: 'json', label: 'JSON', content: <JsonView text={state.text} syntaxError={state.syntaxError} onType={(text) => dispatch({ kind: 'type', text })} /> },
        ]}
      />
      <div className="script-editor__actions">
        <button type="button" className="ui-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="ui-button ui-button--primary" aria-disabled={saving.busy} aria-busy={saving.busy} onClick={save}>
          {saveLabel}
        </button>
      </div>
    </section>
  );
}
