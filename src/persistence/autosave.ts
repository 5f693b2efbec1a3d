import type { AppStore } from '../state/appStore.ts';
import { hasUnsavedEdits } from '../state/documentSlice.ts';
import type { ExitflowDb } from './db.ts';
import { describeStorageFailure, type StorageFailure } from '../model/storageError.ts';
import { saveWorkflow } from './workflowRepository.ts';

/** Autosave writes this long after the last edit. */
export const AUTOSAVE_DELAY_MS = 500;

export interface AutosaveOptions {
  readonly store: AppStore;
  readonly db: ExitflowDb;
  readonly now?: () => number;
  readonly delayMs?: number;
}

export interface Autosave {
  /** Writes unsaved edits now (the page is being hidden, or the person pressed Retry). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Writes the open Workflow at most `delayMs` after the last edit. A write that fails keeps the
 * edits in memory and reports why in the store (the toolbar and a toast show it); a write refused
 * because another tab saved first is a conflict, left to the person. Only one write runs at a time.
 */
export function startAutosave({ store, db, now = Date.now, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const writeOnce = async (): Promise<void> => {
    const { document, save } = store.getState();
    if (!document || !hasUnsavedEdits(document) || save.status === 'conflict' || save.status === 'blocked') return;
    const seq = document.editSeq;
    store.getState().saveStarted();
    // The person may open another Workflow while this write runs: its outcome belongs to the
    // Workflow it wrote, never to the one open now, which is told of a failure in a toast.
    const stillOpen = () => store.getState().document?.workflowId === document.workflowId;
    const fail = (failure: StorageFailure) => {
      if (stillOpen()) store.getState().saveFailed(failure);
      else store.getState().notify({ tone: 'error', title: `Edits to “${document.workflow.name}” were not saved`, description: failure.message });
    };
    try {
      const outcome = await saveWorkflow(db, { document: document.workflow, baseRevision: document.baseRevision }, now());
      if (outcome.ok) store.getState().saveSucceeded(outcome.record, seq, outcome.record.updatedAt);
      else if (outcome.reason === 'conflict') {
        if (stillOpen()) store.getState().saveConflicted(outcome.current.ok ? outcome.current.record : null);
        else fail({ kind: 'unknown', message: 'It was changed in another tab meanwhile.' });
      } else fail({ kind: 'unknown', message: 'This Workflow is no longer stored (deleted in another tab?). Export it to keep your edits.' });
    } catch (error) {
      const failure = describeStorageFailure(error);
      if (failure.kind === 'closed' || failure.kind === 'outdated') store.getState().storageBlocked(failure);
      else fail(failure);
    }
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (writing) {
      again = true;
      return writing;
    }
    writing = (async () => {
      do {
        again = false;
        await writeOnce();
      } while (again && store.getState().save.status === 'saved');
    })().finally(() => {
      writing = null;
      // Edits made while the write ran wait for their own delay.
      if (hasUnsavedEdits(store.getState().document) && store.getState().save.status === 'saved') schedule();
    });
    return writing;
  };

  const schedule = () => {
    clearTimeout(timer);
    // A write still running at stop() must not schedule another when it ends.
    if (stopped) return;
    timer = setTimeout(() => void flush(), delayMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.saveRequests !== previous.saveRequests) {
      void flush();
      return;
    }
    if (state.document && state.document.editSeq !== previous.document?.editSeq && hasUnsavedEdits(state.document)) schedule();
  });

  return {
    flush,
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
