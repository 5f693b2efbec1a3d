import { Copy, Download, FilePlus, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Script } from '../../../simulator/schema/script.ts';
import { ImportFileButton } from '../../ui/ImportFileButton.tsx';
import { useScriptActions } from '../../persistence/useScriptActions.ts';
import type { ScriptRecord } from '../../model/records.ts';
import { ScriptEditor } from './editor/ScriptEditor.tsx';
import { newScript } from './newScript.ts';
import { ScriptConflictBanner } from './ScriptConflictBanner.tsx';
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

/**
 * What is being edited: a saved script (saved over, if it is still at the revision it was opened
 * at), or a new one (an example's copy, a blank).
 */
type Editing = { readonly initial: Script; readonly base?: Pick<ScriptRecord, 'id' | 'revision'> } | null;

/** Save found the script saved or deleted by another tab: `mine` is the edit that was not written. */
type Conflict = { readonly mine: Script; readonly theirs: 'saved' | 'deleted' } | null;

const GROUPS: readonly { readonly source: ScriptChoice['source']; readonly label: string }[] = [
  { source: 'saved', label: 'Saved with this Workflow' },
  { source: 'unsaved', label: 'Not saved (storage refused them)' },
  { source: 'example', label: 'From the bundled example' },
];

/**
 * The scripts that play against a stored Workflow: the ones saved with it, the bundled example's,
 * and any imported this session. New scripts are written in the editor (form or JSON) and saved
 * with the Workflow; every script can be exported as a file for `npm run simulate`. Two tabs editing
 * one saved script never lose an edit: the second save is refused and the person chooses (see
 * ScriptConflictBanner).
 */
export function ScriptsPanel({ workflowId, workflowNames, choices, chosen, onChoose, onUnsaved }: Props) {
  const actions = useScriptActions();
  const [editing, setEditing] = useState<Editing>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [resolving, setResolving] = useState(false);
  const selectId = useId();
  const picker = useRef<HTMLSelectElement>(null);
  // The button that opened the editor: focus goes back to it when the editor closes.
  const opener = useRef<HTMLElement | null>(null);
  const open = (from: HTMLElement, next: NonNullable<Editing>) => {
    opener.current = from;
    setEditing(next);
  };
  // When the editor closes, focus goes back to the button that opened it — or, when that is gone
  // (the script it edited is no longer chosen), to the script picker; never to the page. After
  // the render that closed it, when the buttons are enabled again (a frame may come before it).
  const refocus = useRef(false);
  const close = () => {
    setEditing(null);
    setConflict(null);
    refocus.current = true;
  };
  useEffect(() => {
    if (editing !== null || !refocus.current) return;
    refocus.current = false;
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
    else picker.current?.focus();
  }, [editing]);
  const saved = (record: ScriptRecord) => {
    close();
    onChoose(savedScriptKey(record.id));
  };

  const save = async (script: Script) => {
    // On a refused write the editor stays open with the draft: nothing typed is lost.
    if (!editing?.base) {
      const record = await actions.create(workflowId, script);
      if (record) saved(record);
      return;
    }
    const outcome = await actions.save(editing.base, script);
    if (!outcome) return;
    if (outcome.ok) saved(outcome.record);
    else setConflict({ mine: script, theirs: outcome.reason === 'missing' ? 'deleted' : 'saved' });
  };

  /** Runs one of the conflict's choices, once (the buttons wait for it). */
  const resolve = async (choice: () => Promise<void>) => {
    if (resolving) return;
    setResolving(true);
    try {
      await choice();
    } finally {
      setResolving(false);
    }
  };
  // Theirs: the editor opens again on the script as the other tab stored it (mine is dropped).
  const reloadTheirs = (id: string) =>
    resolve(async () => {
      const theirs = await actions.reloadTheirs(id);
      // Unreadable (toasted): the choice stays open, mine with it. Deleted since: the choice changes.
      if (theirs === null) return;
      if (theirs === 'gone') return setConflict((current) => current && { ...current, theirs: 'deleted' });
      setConflict(null);
      setEditing({ initial: theirs.document, base: theirs });
      onChoose(savedScriptKey(theirs.id));
    });
  // Mine: a new script beside theirs; theirs stays as it was stored.
  const keepMine = (mine: Script, theirs: 'saved' | 'deleted') =>
    resolve(async () => {
      const copy = theirs === 'saved' ? await actions.keepMineAsCopy(workflowId, mine) : await actions.create(workflowId, mine);
      if (copy) saved(copy);
    });

  // Told while editing, before Save, when another tab has saved or deleted the script meanwhile.
  const stored = editing?.base ? choices.find((choice) => choice.source === 'saved' && choice.record.id === editing.base?.id) : undefined;
  const changedElsewhere =
    editing?.base && !conflict && (stored === undefined ? 'deleted' : stored.source === 'saved' && stored.record.revision !== editing.base.revision ? 'saved' : null);

  const importFile = async (file: File) => {
    const read = await actions.readFile(file);
    if (!read.ok) return read;
    const record = await actions.create(workflowId, read.value);
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
            <button type="button" className="ui-button" disabled={editing !== null} onClick={(event) => open(event.currentTarget, { initial: chosen.script, base: chosen.record })}>
              <Pencil size={14} aria-hidden /> Edit script
            </button>
          ) : (
            chosen && (
              <button type="button" className="ui-button" disabled={editing !== null} onClick={(event) => open(event.currentTarget, { initial: { ...chosen.script, name: `${chosen.script.name} (copy)`.slice(0, 200) } })}>
                <Copy size={14} aria-hidden /> Edit a copy
              </button>
            )
          )}
          <button type="button" className="ui-button" disabled={editing !== null} onClick={(event) => open(event.currentTarget, { initial: newScript(new Date()) })}>
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
      {changedElsewhere && (
        <p className="notice" role="status">
          {changedElsewhere === 'saved'
            ? 'This script was saved in another tab since you opened it here: Save will let you choose which to keep.'
            : 'This script was deleted in another tab since you opened it here: Save will let you keep your edit as a new script.'}
        </p>
      )}
      {editing?.base && conflict && (
        <ScriptConflictBanner
          theirs={conflict.theirs}
          busy={resolving}
          onReloadTheirs={() => (conflict.theirs === 'saved' && editing.base ? void reloadTheirs(editing.base.id) : close())}
          onKeepMine={() => void keepMine(conflict.mine, conflict.theirs)}
        />
      )}
      {editing && (
        <ScriptEditor
          key={editing.base ? `${editing.base.id}@${editing.base.revision}` : 'new'}
          initial={editing.initial}
          workflowNames={workflowNames}
          saveLabel={editing.base ? 'Save script' : 'Save with this Workflow'}
          onSave={save}
          onCancel={close}
        />
      )}
    </section>
  );
}
