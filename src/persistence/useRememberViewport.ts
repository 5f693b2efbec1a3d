import { useCallback } from 'react';
import { usePersistence } from './PersistenceProvider.tsx';
import { rememberView } from './lastView.ts';

/** Keeps where the canvas was looking, for crash recovery (best effort, silent: only a convenience). */
export function useRememberViewport(): (workflowId: string, viewport: { x: number; y: number; zoom: number }) => void {
  const { db } = usePersistence();
  return useCallback((workflowId, viewport) => void rememberView(db, { workflowId, viewport, savedAt: Date.now() }).catch(() => undefined), [db]);
}
