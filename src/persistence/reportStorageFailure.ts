import { describeStorageFailure } from '../model/storageError.ts';
import type { AppStore } from '../state/appStore.ts';

/** Tells the person, in a toast, what `error` means for them; `null` so an action can answer with it. */
export function reportStorageFailure(store: AppStore, title: string, error: unknown): null {
  store.getState().notify({ tone: 'error', title, description: describeStorageFailure(error).message });
  return null;
}
