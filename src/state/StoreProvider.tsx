import { createContext, use, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './appStore.ts';

const StoreContext = createContext<AppStore | null>(null);

/** Gives the components below one store; stories and tests pass a fresh one each. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

/** Reads a slice of the store and re-renders when (only) that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = use(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreProvider> above it');
  return useStore(store, selector);
}

/** The store itself, for actions that read the latest state when they run rather than render with it. */
export function useAppStoreApi(): AppStore {
  const store = use(StoreContext);
  if (!store) throw new Error('useAppStoreApi needs a <StoreProvider> above it');
  return store;
}
