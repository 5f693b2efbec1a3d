import { Copy, Download, FilePlus, Pencil, Trash2 } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { Script } from '../../simulator/schema/script.ts';
import { ImportFileButton } from '../app/ImportFileButton.tsx';
import { useScriptActions } from '../persistence/useScriptActions.ts';
import { ScriptEditor } from './editor/ScriptEditor.tsx';
import { newScript } from './newScript.ts';
import { savedScriptKey, type ScriptChoice } from './scriptChoice.ts';
import './scripts.css';

interface Props {
  readonly workflowId: string;
  /** The Workflows the scripts play against, for the editor's Workflow pickers. */
  readonly workflowNames: readonly string[];
  readonly choices: readonly ScriptChoice[];
  readonly chosen: ScriptChoice | undefined;
  readonly onChoose: (key: string) => void;
  /** A script that could not be stored (a full disk): it plays in this tab anyway. */
  readonly onUnsaved: (script: Script) => void;
}

/** What is being edited: a saved script (saved over), or a new one (an example's copy, a blank). */
type Editing = { readonly initial: Script; readonly id?: string } | null;

const GROUPS: readonly { readonly source: ScriptChoice['source']; readonly label: string }[] = [
  { source: 'saved', label: 'Saved with this Workflow' },
  { source: 'unsaved', label: 'Not saved (storage refused them)' },
  { source: 'example', label: 'From the bundled example' },
];

/**
 * The scripts that play against a stored Workflow: the ones saved with it, the bundled example's,
 * and any imported this session. New scripts are written in the editor (form or JSON) and saved
 * with the Workflow; every script can be exported as a file for `npm run simulate`.
 */
export function ScriptsPanel({ workflowId, workflowNames, choices, chosen, onChoose, onUnsaved }: Props) {
  const actions = useScriptActions();
  const [editing, setEditing] = useState<Editing>(null);
  const selectId = useId();
  const picker = useRef<HTMLSelectElement>(null);
  // When the editor closes or the script goes, focus goes back to the script picker, not to the page.
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => picker.current?.focus());
  };

  const save = async (script: Script) => {
    const record = await actions.save(workflowId, script, editing?.id);
    // On a refused write the editor stays open with the draft: nothing typed is lost.
    if (!record) return;
    close();
    onChoose(savedScriptKey(record.id));
  };

  const importFile = async (file: File) => {
    const read = await actions.readFile(file);
    if (!read.ok) return read;
    const record = await actions.save(workflowId, read.value);
    if (record) onChoose(savedScriptKey(record.id));
    else onUnsaved(read.value);
    return { ok: true as const };
  };

  return (
    <section className="scripts-panel" aria-label="Scripts">
      <div className="scripts-panel__row">
        {choices.length > 0 && (
          <div className="field">
            <label className="field-label" htmlFor={selectId}>
              Script
            </label>
            <select ref={picker} id={selectId} value={chosen?.key} onChange={(event) => onChoose(event.target.value)}>
              {GROUPS.map(({ source, label }) => {
                const group = choices.filter((choice) => choice.source === source);
                return (
                  group.length > 0 && (
                    <optgroup key={source} label={label}>
                      {group.map((choice) => (
                        <option key={choice.key} value={choice.key}>
                          {choice.label}
                        </option>
                      ))}
                    </optgroup>
                  )
                );
              })}
            </select>
          </div>
        )}
        <div className="scripts-panel__actions" role="group" aria-label="Script actions">
          {chosen?.source === 'saved' ? (
            <button type="button" className="ui-button" disabled={editing !== null} onClick={() => setEditing({ initial: chosen.script, id: chosen.record.id })}>
              <Pencil size={14} aria-hidden /> Edit script
            </button>
          ) : (
            chosen && (
              <button type="button" className="ui-button" disabled={editing !== null} onClick={() => setEditing({ initial: { ...chosen.script, name: `${chosen.script.name} (copy)`.slice(0, 200) } })}>
                <Copy size={14} aria-hidden /> Edit a copy
              </button>
            )
          )}
          <button type="button" className="ui-button" disabled={editing !== null} onClick={() => setEditing({ initial: newScript(new Date()) })}>
            <FilePlus size={14} aria-hidden /> New script
          </button>
          {chosen && (
            <button type="button" className="ui-button" onClick={() => actions.exportFile(chosen.script)}>
              <Download size={14} aria-hidden /> Export script
            </button>
          )}
          {chosen?.source === 'saved' && (
            <button type="button" className="ui-button" disabled={editing !== null} onClick={() => void actions.remove(chosen.record).then(() => picker.current?.focus())}>
              <Trash2 size={14} aria-hidden /> Delete script
            </button>
          )}
          <ImportFileButton importFile={importFile} label="Import script" inputLabel="Script file to import" />
        </div>
      </div>
      {editing && (
        <ScriptEditor
          key={editing.id ?? 'new'}
          initial={editing.initial}
          workflowNames={workflowNames}
          saveLabel={editing.id ? 'Save script' : 'Save with this Workflow'}
          onSave={(script) => void save(script)}
          onCancel={close}
        />
      )}
    </section>
  );
}
