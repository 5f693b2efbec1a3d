import { createContext, use, type ReactNode } from 'react';
import type { ExitflowDb } from './db.ts';

/** What screens get from storage: the database for live reads, and a way to write pending edits now. */
export interface Persistence {
  readonly db: ExitflowDb;
  flush(): Promise<void>;
}

const PersistenceContext = createContext<Persistence | null>(null);

export function PersistenceProvider({ persistence, children }: { persistence: Persistence; children: ReactNode }) {
  return <PersistenceContext value={persistence}>{children}</PersistenceContext>;
}

/** For the hooks and actions of this folder only: components read and write through those. */
export function usePersistence(): Persistence {
  const persistence = use(PersistenceContext);
  if (!persistence) throw new Error('Stored Workflows need a <PersistenceProvider> above them');
  return persistence;
}
