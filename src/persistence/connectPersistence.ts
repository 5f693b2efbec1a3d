import type { AppStore } from '../state/appStore.ts';
import { startAutosave } from './autosave.ts';
import type { ExitflowDb } from './db.ts';
import { followStoredWorkflow } from './followStoredWorkflow.ts';
import { rememberOpenWorkflow } from './lastView.ts';

export interface PersistenceConnection {
  /** Writes unsaved edits now. */
  flush(): Promise<void>;
  disconnect(): void;
}

/** What the connection needs from the page; a test passes its own. */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  isHidden(): boolean;
}

export const browserPageEvents = (): PageEvents => ({
  addEventListener: (type, listener) => (type === 'pagehide' ? window : document).addEventListener(type, listener),
  removeEventListener: (type, listener) => (type === 'pagehide' ? window : document).removeEventListener(type, listener),
  isHidden: () => document.visibilityState === 'hidden',
});

/**
 * Connects the store to IndexedDB: autosave (and a flush when the page is hidden or left), other
 * tabs' saves followed, the open Workflow remembered for crash recovery, failures turned into
 * toasts, and a schema upgrade by a newer tab closing storage here with a request to reload.
 */
export function connectPersistence(store: AppStore, db: ExitflowDb, page: PageEvents, now: () => number = Date.now): PersistenceConnection {
  const autosave = startAutosave({ store, db, now });
  const stopFollowing = followStoredWorkflow(store, db);

  const unsubscribe = store.subscribe((state, previous) => {
    const { save } = state;
    if (save !== previous.save && save.status !== previous.save.status) {
      if (save.status === 'failed') state.notify({ tone: 'error', title: 'Not saved', description: `${save.failure.message} Your edits are kept in this tab.` });
      if (save.status === 'blocked') state.notify({ tone: 'error', title: 'Reload this tab', description: save.failure.message });
      if (save.status === 'conflict') state.notify({ tone: 'error', title: 'Changed in another tab', description: 'This Workflow was saved in another tab while you edited it here. Choose which to keep.' });
    }
    const workflowId = state.document?.workflowId ?? null;
    if (workflowId !== (previous.document?.workflowId ?? null))
      rememberOpenWorkflow(db, workflowId, now()).catch(() => undefined); // best effort: only a convenience
  });

  const onHide = () => {
    if (page.isHidden()) void autosave.flush();
  };
  const onLeave = () => void autosave.flush();
  page.addEventListener('visibilitychange', onHide);
  page.addEventListener('pagehide', onLeave);

  // A newer exitflow in another tab wants to upgrade the database: Dexie closes it here so the
  // upgrade can proceed; this tab stops writing and asks to be reloaded (edits stay in memory).
  const onVersionChange = () => {
    store.getState().storageBlocked({
      kind: 'outdated',
      message: 'A newer version of exitflow was opened in another tab and updated the stored data. Reload this tab to keep editing; export first to keep unsaved edits.',
    });
  };
  db.on('versionchange', onVersionChange);

  return {
    flush: () => autosave.flush(),
    disconnect() {
      autosave.stop();
      stopFollowing();
      unsubscribe();
      page.removeEventListener('visibilitychange', onHide);
      page.removeEventListener('pagehide', onLeave);
      db.on('versionchange').unsubscribe(onVersionChange);
    },
  };
}
