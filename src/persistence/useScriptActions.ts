import { useMemo } from 'react';
import type { ParseResult } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { downloadText } from '../common/downloadText.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { readScriptFile, scriptFileName, scriptFileText, scriptFileTooLarge } from './readScriptFile.ts';
import type { ScriptRecord } from '../model/records.ts';
import { createScript, deleteScript, readScriptRecord, restoreScript, saveScript, type ScriptSaveOutcome } from './scriptRepository.ts';
import { reportStorageFailure } from './reportStorageFailure.ts';

/**
 * What screens do with the scripts saved with a Workflow. A failed write is reported as a toast
 * and answered with `null`, never thrown: the script being edited stays on screen. An edit saved
 * over a script is revision-checked, so another tab's save is never overwritten (see `save`).
 */
export function useScriptActions() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    const failed = (what: string, error: unknown) => reportStorageFailure(store, what, error);

    /** Stores a new script with a Workflow (written, imported, kept from a session). */
    const create = async (workflowId: string, script: Script): Promise<ScriptRecord | null> => {
      try {
        return await createScript(db, workflowId, crypto.randomUUID(), script, Date.now());
      } catch (error) {
        return failed(`“${script.name}” was not saved`, error);
      }
    };

    /**
     * Saves an edit over a saved script, if no other tab saved it since the editor opened it at
     * `base.revision`; else nothing is written and the outcome says why (`conflict`: another tab
     * saved it, `missing`: another tab deleted it), for the person to choose, as with Workflows.
     * `null` when storage refused the write (toasted).
     */
    const save = async (base: Pick<ScriptRecord, 'id' | 'revision'>, script: Script): Promise<ScriptSaveOutcome | null> => {
      try {
        return await saveScript(db, { id: base.id, document: script, baseRevision: base.revision }, Date.now());
      } catch (error) {
        return failed(`“${script.name}” was not saved`, error);
      }
    };

    /** Conflict: the script as another tab stored it; `'gone'` when it was deleted since, `null` when it cannot be read (toasted). */
    const reloadTheirs = async (id: string): Promise<ScriptRecord | 'gone' | null> => {
      try {
        const raw = await db.scripts.get(id);
        if (raw === undefined) return 'gone';
        const read = readScriptRecord(raw);
        if (read.ok) return read.record;
        store.getState().notify({ tone: 'error', title: 'The stored script cannot be read', description: read.unreadable.problem });
        return null;
      } catch (error) {
        return failed('The stored script cannot be read', error);
      }
    };

    /**
     * Conflict: keeps this tab's edit as a new script, "<name> (my copy)", leaving the one another
     * tab saved as it is (the words and the choice of the builder's conflict banner).
     */
    const keepMineAsCopy = async (workflowId: string, mine: Script): Promise<ScriptRecord | null> => {
      const copy = await create(workflowId, { ...mine, name: `${mine.name} (my copy)`.slice(0, 200) });
      if (copy) store.getState().notify({ tone: 'success', title: `Kept your edit as “${copy.document.name}”`, description: `“${mine.name}” stays as the other tab saved it.` });
      return copy;
    };

    /** Reads and checks a script file, whole; never throws. */
    const readFile = async (file: Blob): Promise<ParseResult<Script>> => {
      // Before reading it: a file of gigabytes would not fit in a string.
      const tooLarge = scriptFileTooLarge(file.size);
      if (tooLarge) return tooLarge;
      try {
        return readScriptFile(await file.text(), file.size);
      } catch (error) {
        return { ok: false, issues: [{ path: '$', message: `The file cannot be read: ${(error as Error).message}` }] };
      }
    };

    /** Deletes a saved script; a toast offers Undo, which saves it back as it was. */
    const remove = async (record: ScriptRecord): Promise<boolean> => {
      try {
        await deleteScript(db, record.id);
      } catch (error) {
        failed(`“${record.document.name}” was not deleted`, error);
        return false;
      }
      store.getState().notify({
        tone: 'success',
        title: `Deleted the script “${record.document.name}”`,
        action: { label: 'Undo', perform: () => void restoreScript(db, record).catch((error: unknown) => failed(`“${record.document.name}” was not restored`, error)) },
      });
      return true;
    };

    /** Downloads a script as a file the CLI (`npm run simulate`) and any simulator can read. */
    const exportFile = (script: Script) => downloadText(scriptFileName(script), scriptFileText(script));

    return { create, save, reloadTheirs, keepMineAsCopy, readFile, remove, exportFile };
  }, [db, store]);
}
