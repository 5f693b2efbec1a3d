import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './documentSlice.ts';
import { createLiveSlice, type LiveSlice } from './liveSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/**
 * The one store of the app, in slices: the Workflow document (with undo and its save state), the
 * builder's selection and clipboard, the UI, the Messages view's live session, and the simulator workspace's playback. Persistence subscribes to it; components
 * read it through `useAppStore`.
 */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & LiveSlice & PlaybackSlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...slice) => ({
    ...createDocumentSlice(...slice),
    ...createSelectionSlice(...slice),
    ...createUiSlice(...slice),
    ...createLiveSlice(...slice),
    ...createPlaybackSlice(...slice),
  }));
}
