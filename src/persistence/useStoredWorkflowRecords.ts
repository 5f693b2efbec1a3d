import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkflowRecord } from '../model/records.ts';
import { describeStorageFailure } from '../model/storageError.ts';
import { usePersistence } from './PersistenceProvider.tsx';
import { readWorkflowRecord } from './workflowRepository.ts';

/**
 * Every stored Workflow that can be read, with its revision — documents and revisions from one
 * read, so a change made to what is shown is checked against the revision it was shown at.
 * Updates when any tab writes; `undefined` while loading; a failed read is thrown to the screen's
 * error boundary with the browser's reason.
 */
export function useStoredWorkflowRecords(): WorkflowRecord[] | undefined {
  const { db } = usePersistence();
  return useLiveQuery(async () => {
    try {
      return (await db.workflows.toArray()).map(readWorkflowRecord).flatMap((read) => (read.ok ? [read.record] : []));
    } catch (error) {
      throw new Error(describeStorageFailure(error).message, { cause: error });
    }
  }, [db]);
}
