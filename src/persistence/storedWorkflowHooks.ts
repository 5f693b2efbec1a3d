import { useLiveQuery } from 'dexie-react-hooks';
import type { VersionRecord } from './records.ts';
import { usePersistence } from './PersistenceProvider.tsx';
import { listVersions, listWorkflows, readWorkflow, type RecordRead, type WorkflowList } from './workflowRepository.ts';

/**
 * Live reads of what is stored: they update when any tab writes. `undefined` while loading.
 * A read that fails is thrown to the screen's error boundary with the browser's reason.
 */
export function useWorkflowList(): WorkflowList | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => listWorkflows(db), [db]);
}

/** The stored Workflow with this id: `null` when there is none. */
export function useStoredWorkflow(id: string): RecordRead | null | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readWorkflow(db, id), [db, id]);
}

export function useVersions(workflowId: string): VersionRecord[] | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => listVersions(db, workflowId), [db, workflowId]);
}
