import { liveQuery } from 'dexie';
import type { AppStore } from '../state/appStore.ts';
import { hasUnsavedEdits } from '../state/documentSlice.ts';
import type { ExitflowDb } from './db.ts';
import { readWorkflow } from './workflowRepository.ts';

/**
 * Keeps the open Workflow in step with what other tabs store (Dexie's live queries see writes
 * from every tab). A newer stored revision replaces the document when this tab has no unsaved
 * edits; with unsaved edits it is a conflict, shown at once rather than at the next save.
 */
export function followStoredWorkflow(store: AppStore, db: ExitflowDb): () => void {
  let following: { readonly id: string; readonly unsubscribe: () => void } | null = null;

  const follow = (id: string | null) => {
    if (following?.id === id) return;
    following?.unsubscribe();
    following = null;
    if (id === null) return;
    const subscription = liveQuery(() => readWorkflow(db, id)).subscribe({
      next(read) {
        const { document, save } = store.getState();
        if (!read?.ok || !document || document.workflowId !== id) return;
        // A save in flight learns of a concurrent write itself (its revision check fails).
        if (read.record.revision <= document.baseRevision || save.status === 'saving' || save.status === 'blocked') return;
        if (hasUnsavedEdits(document)) store.getState().saveConflicted(read.record);
        else store.getState().adoptStored(read.record);
      },
      // A failed read is reported by the screens reading the same record; nothing to adopt.
      error: () => undefined,
    });
    following = { id, unsubscribe: () => subscription.unsubscribe() };
  };

  follow(store.getState().document?.workflowId ?? null);
  const unsubscribe = store.subscribe((state) => follow(state.document?.workflowId ?? null));
  return () => {
    unsubscribe();
    following?.unsubscribe();
  };
}
