import { useCallback } from 'react';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { saveWorkflowSettings, type SettingsChange, type SettingsOutcome } from './saveWorkflowSettings.ts';
import { storedSettingsWriterOf } from './storedSettingsWriter.ts';

/** `saveWorkflowSettings` for a screen: a refusal is also told in a toast, with what to do. */
export function useSaveWorkflowSettings(): (change: SettingsChange) => Promise<SettingsOutcome> {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  return useCallback(
    async (change) => {
      const outcome = await saveWorkflowSettings(store, storedSettingsWriterOf(db), change);
      if (!outcome.ok) store.getState().notify({ tone: 'error', title: 'Settings not saved', description: outcome.message });
      return outcome;
    },
    [db, store],
  );
}
