import { useMemo } from 'react';
import type { DocumentIssue } from '../../simulator/schema/parseDocument.ts';
import { downloadText } from '../common/downloadText.ts';
import type { WorkflowRecord } from '../model/records.ts';
import { describeStorageFailure } from '../model/storageError.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { readWorkflowFile, workflowFileName, workflowFileText } from './readWorkflowFile.ts';
import { createWorkflow } from './workflowRepository.ts';

export type ImportOutcome = { readonly ok: true; readonly record?: WorkflowRecord } | { readonly ok: false; readonly issues: readonly DocumentIssue[] };

/** Reads and checks a Workflow file, whole; never throws. */
async function readFile(file: Blob) {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false as const, issues: [{ path: '$', message: `The file cannot be read: ${(error as Error).message}` }] };
  }
  return readWorkflowFile(text, file.size);
}

/** Workflow files: imported as a new Workflow or into the open one, and the open one exported. */
export function useWorkflowFileActions() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    /** Reads, checks and stores a Workflow file as a new Workflow in one go: on any problem nothing is stored. */
    const importFile = async (file: Blob): Promise<ImportOutcome> => {
      const read = await readFile(file);
      if (!read.ok) return read;
      try {
        return { ok: true, record: await createWorkflow(db, read.value, Date.now()) };
      } catch (error) {
        return { ok: false, issues: [{ path: '$', message: `The file is valid but was not stored: ${describeStorageFailure(error).message}` }] };
      }
    };

    /** Replaces the open Workflow's content with a file's (one undoable edit; its id stays). */
    const importIntoOpen = async (file: Blob): Promise<ImportOutcome> => {
      const read = await readFile(file);
      if (!read.ok) return read;
      store.getState().editWorkflow((current) => ({ ...read.value, id: current.id }));
      store.getState().select({ nodeIds: [], edgeIds: [] });
      return { ok: true };
    };

    /** Downloads the open Workflow as it is in memory: works even when storage does not. */
    const exportOpen = () => {
      const { document } = store.getState();
      if (document) downloadText(workflowFileName(document.workflow), workflowFileText(document.workflow));
    };

    return { importFile, importIntoOpen, exportOpen };
  }, [db, store]);
}
