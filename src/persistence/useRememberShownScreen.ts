import { useEffect } from 'react';
import { rememberShownScreen } from './lastView.ts';
import { usePersistence } from './PersistenceProvider.tsx';

/**
 * Keeps which screen is shown — the builder of `shownInBuilder`, or (null) another — so a new
 * session reopens the builder only when the person left from it.
 */
export function useRememberShownScreen(shownInBuilder: string | null): void {
  const { db } = usePersistence();
  useEffect(() => {
    rememberShownScreen(db, shownInBuilder, Date.now()).catch(() => undefined); // best effort: only a convenience
  }, [db, shownInBuilder]);
}
