import { useMemo } from 'react';
import type { WorkflowRecord } from '../model/records.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { reportStorageFailure } from './reportStorageFailure.ts';
import { useStoredWorkflowActions } from './useStoredWorkflowActions.ts';
import { readWorkflow } from './workflowRepository.ts';

/** The two ways out when another tab saved the open Workflow while it was edited here. */
export function useConflictActions() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  const { create } = useStoredWorkflowActions();
  return useMemo(() => {
    /** Drops this tab's edits and takes what the other tab stored. */
    const reloadTheirs = async (): Promise<void> => {
      const { document } = store.getState();
      if (!document) return;
      try {
        const read = await readWorkflow(db, document.workflowId);
        if (read?.ok) store.getState().adoptStored(read.record);
      } catch (error) {
        reportStorageFailure(store, 'The stored Workflow cannot be read', error);
      }
    };

    /** Keeps this tab's edits as a new Workflow (open it next), leaving the other tab's version as it is. */
    const keepMineAsCopy = async (): Promise<WorkflowRecord | null> => {
      const { document } = store.getState();
      if (!document) return null;
      return create({ ...document.workflow, name: `${document.workflow.name} (my copy)`.slice(0, 120) });
    };

    return { reloadTheirs, keepMineAsCopy };
  }, [create, db, store]);
}
