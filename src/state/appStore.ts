import { createStore, type StoreApi } from 'zustand/vanilla';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/**
 * The one store of the app, in slices: UI now; the Workflow document (with undo) and simulation
 * playback join it as their screens arrive. Persistence will subscribe to it; components read it
 * through `useAppStore`.
 */
export type AppState = UiSlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...slice) => ({
    ...createUiSlice(...slice),
  }));
}
