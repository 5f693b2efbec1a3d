import { useMemo } from 'react';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import type { PublishPolicy } from '../../simulator/schema/script.ts';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';
import type { AppStore } from '../state/appStore.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { reportStorageFailure } from './reportStorageFailure.ts';
import { listWorkflowDocuments, publishWorkflow, restoreVersion, saveVersion, type SaveOutcome } from './workflowRepository.ts';

export type PublishOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly WorkflowProblem[] } | { readonly ok: false; readonly problems?: undefined };

/** A new stored revision becomes the open document; another tab's write first is a conflict, for the person to settle. */
function adopt(store: AppStore, outcome: SaveOutcome): boolean {
  if (outcome.ok) store.getState().adoptStored(outcome.record);
  else if (outcome.reason === 'conflict') store.getState().saveConflicted(outcome.current.ok ? outcome.current.record : null);
  return outcome.ok;
}

/**
 * The open Workflow's versions: keep one with a note, make an old one current, publish. Each
 * writes pending edits first and acts only on what is stored, so a version is never of edits that
 * failed to save; a failure is toasted, never thrown.
 */
export function useVersionActions() {
  const { db, flush } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    /** Writes pending edits, then keeps the stored state as a version with a note. */
    const saveVersionNow = async (note: string): Promise<boolean> => {
      const { document } = store.getState();
      if (!document) return false;
      await flush();
      if (store.getState().save.status !== 'saved') {
        store.getState().notify({ tone: 'error', title: 'No version saved', description: 'Your latest edits are not stored yet; resolve the save problem first.' });
        return false;
      }
      try {
        return (await saveVersion(db, document.workflowId, note, Date.now())) !== null;
      } catch (error) {
        reportStorageFailure(store, 'No version saved', error);
        return false;
      }
    };

    /** Makes an old version current (a new revision; the history keeps everything). */
    const restore = async (versionId: number): Promise<boolean> => {
      await flush();
      const { document, save } = store.getState();
      if (!document || save.status !== 'saved') return false;
      try {
        return adopt(store, await restoreVersion(db, document.workflowId, versionId, document.baseRevision, Date.now()));
      } catch (error) {
        reportStorageFailure(store, 'The version was not restored', error);
        return false;
      }
    };

    /**
     * Writes pending edits and checks the open Workflow can be published: stored, and valid (every
     * problem the validator finds, with the other stored Workflows as targets of "Trigger another
     * Workflow"). The publish dialog opens only after this says yes.
     */
    const checkPublishable = async (): Promise<PublishOutcome> => {
      await flush();
      const { document, save } = store.getState();
      if (!document || save.status !== 'saved') return { ok: false };
      try {
        const others = (await listWorkflowDocuments(db)).filter((workflow) => workflow.id !== document.workflowId);
        const problems = validateWorkflow(document.workflow, { workflows: others });
        return problems.length > 0 ? { ok: false, problems } : { ok: true };
      } catch (error) {
        reportStorageFailure(store, 'The Workflow was not published', error);
        return { ok: false };
      }
    };

    /**
     * Publishes the open Workflow if it is valid (checked again: the stored Workflows may have
     * changed since the dialog opened); an invalid one is refused with every problem. `policy` is
     * what the person chose for the runs in flight on the version before, kept with the version.
     */
    const publish = async (policy: PublishPolicy = 'finish'): Promise<PublishOutcome> => {
      const checked = await checkPublishable();
      if (!checked.ok) return checked;
      const { document } = store.getState();
      if (!document) return { ok: false };
      try {
        const published = adopt(store, await publishWorkflow(db, { document: document.workflow, baseRevision: document.baseRevision, policy }, Date.now()));
        return published ? { ok: true } : { ok: false };
      } catch (error) {
        reportStorageFailure(store, 'The Workflow was not published', error);
        return { ok: false };
      }
    };

    return { saveVersionNow, restore, checkPublishable, publish };
  }, [db, flush, store]);
}
