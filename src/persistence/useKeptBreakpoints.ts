import { useMemo } from 'react';
import { usePersistence } from './PersistenceProvider.tsx';
import { readKeptBreakpoints, rememberBreakpoints } from './lastView.ts';

/**
 * The simulator's breakpoints kept per workspace, in the address's `bp=` form (best effort and
 * silent, as the rest of the last view: a failed write loses only this convenience).
 */
export function useKeptBreakpoints(): { readonly read: (workspace: string) => Promise<string | null>; readonly keep: (workspace: string, bp: string) => void } {
  const { db } = usePersistence();
  return useMemo(
    () => ({
      read: (workspace) => readKeptBreakpoints(db, workspace).catch(() => null),
      keep: (workspace, bp) => void rememberBreakpoints(db, workspace, bp, Date.now()).catch(() => undefined),
    }),
    [db],
  );
}
