import { useMemo } from 'react';
import type { ParseResult } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { downloadText } from '../app/downloadText.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { readScriptFile, scriptFileName, scriptFileText, scriptFileTooLarge } from './readScriptFile.ts';
import type { ScriptRecord } from './records.ts';
import { deleteScript, saveScript } from './scriptRepository.ts';
import { describeStorageFailure } from './storageError.ts';

/**
 * What screens do with the scripts saved with a Workflow. A failed write is reported as a toast
 * and answered with `null`, never thrown: the script being edited stays on screen.
 */
export function useScriptActions() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    const failed = (what: string, error: unknown) => {
      store.getState().notify({ tone: 'error', title: what, description: describeStorageFailure(error).message });
      return null;
    };

    /** Saves a script with a Workflow: over the one with `id`, or as a new one. */
    const save = async (workflowId: string, script: Script, id: string = crypto.randomUUID()): Promise<ScriptRecord | null> => {
      try {
        return await saveScript(db, workflowId, id, script, Date.now());
      } catch (error) {
        return failed(`“${script.name}” was not saved`, error);
      }
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
        action: { label: 'Undo', perform: () => void save(record.workflowId, record.document, record.id) },
      });
      return true;
    };

    /** Downloads a script as a file the CLI (`npm run simulate`) and any simulator can read. */
    const exportFile = (script: Script) => downloadText(scriptFileName(script), scriptFileText(script));

    return { save, readFile, remove, exportFile };
  }, [db, store]);
}
