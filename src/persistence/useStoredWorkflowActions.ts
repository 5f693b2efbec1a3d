import { useMemo } from 'react';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import type { WorkflowRecord } from '../model/records.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { reportStorageFailure } from './reportStorageFailure.ts';
import { createWorkflow, deleteWorkflow, readWorkflow, restoreDeletedWorkflow, updateStoredWorkflow } from './workflowRepository.ts';

/**
 * A stored Workflow's life: created, renamed, duplicated, deleted (with Undo). Each action reports
 * its own failure as a toast and answers `null` or `false` instead of throwing, so a screen never
 * breaks on a full disk.
 */
export function useStoredWorkflowActions() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    /** Stores a new Workflow; its id is made unique if taken. */
    const create = async (document: Workflow): Promise<WorkflowRecord | null> => {
      try {
        return await createWorkflow(db, document, Date.now());
      } catch (error) {
        return reportStorageFailure(store, 'The Workflow was not created', error);
      }
    };

    /** Renames from the overview; the Workflow open in the builder is renamed in its document (undoable, autosaved). */
    const rename = async (id: string, name: string): Promise<boolean> => {
      if (store.getState().document?.workflowId === id) {
        store.getState().editWorkflow((workflow) => ({ ...workflow, name }));
        return true;
      }
      try {
        const outcome = await updateStoredWorkflow(db, id, (workflow) => ({ ...workflow, name }), Date.now());
        if (!outcome.ok)
          store.getState().notify({ tone: 'error', title: 'Not renamed: nothing changed', description: outcome.reason === 'missing' ? 'This Workflow is no longer stored.' : 'The stored Workflow cannot be read.' });
        return outcome.ok;
      } catch (error) {
        reportStorageFailure(store, 'Not renamed: nothing changed', error);
        return false;
      }
    };

    /** A copy of a stored Workflow, as a new draft named "… (copy)". */
    const duplicate = async (id: string): Promise<WorkflowRecord | null> => {
      try {
        const read = await readWorkflow(db, id);
        if (!read?.ok) return null;
        return await create({ ...read.record.document, name: `${read.record.document.name} (copy)`.slice(0, 120) });
      } catch (error) {
        return reportStorageFailure(store, 'Not duplicated', error);
      }
    };

    /** Deletes a Workflow with its history; a toast offers Undo, which puts everything back. */
    const remove = async (id: string, name: string): Promise<boolean> => {
      try {
        const deleted = await deleteWorkflow(db, id);
        if (!deleted) return false;
        if (store.getState().document?.workflowId === id) store.getState().closeDocument();
        store.getState().notify({
          tone: 'success',
          title: `Deleted “${name}”`,
          action: {
            label: 'Undo',
            perform: () => void restoreDeletedWorkflow(db, deleted).catch((error: unknown) => reportStorageFailure(store, `“${name}” was not restored`, error)),
          },
        });
        return true;
      } catch (error) {
        reportStorageFailure(store, 'Not deleted', error);
        return false;
      }
    };

    return { create, rename, duplicate, remove };
  }, [db, store]);
}
