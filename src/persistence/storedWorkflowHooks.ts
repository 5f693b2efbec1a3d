import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { readLastView } from './lastView.ts';
import type { LastViewRecord, VersionRecord, WorkflowRecord } from '../model/records.ts';
import { usePersistence } from './PersistenceProvider.tsx';
import { listScripts, type ScriptList } from './scriptRepository.ts';
import { readVersionFiles } from './publishedVersions.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { describeStorageFailure } from '../model/storageError.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { listVersions, listWorkflowDocuments, listWorkflowRecords, listWorkflows, readWorkflow, type RecordRead, type WorkflowList } from './workflowRepository.ts';

/** Runs a read, turning a storage failure into an error whose message a person can act on. */
async function readable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new Error(describeStorageFailure(error).message, { cause: error });
  }
}

/**
 * Live reads of what is stored: they update when any tab writes. `undefined` while loading.
 * A read that fails is thrown to the screen's error boundary with the browser's reason.
 */
export function useWorkflowList(): WorkflowList | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readable(() => listWorkflows(db)), [db]);
}

/** The stored Workflow with this id: `null` when there is none. */
export function useStoredWorkflow(id: string): RecordRead | null | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readable(() => readWorkflow(db, id)), [db, id]);
}

/** The scripts saved with a Workflow (a save in another tab shows here too). */
export function useWorkflowScripts(workflowId: string): ScriptList | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readable(() => listScripts(db, workflowId)), [db, workflowId]);
}

export function useVersions(workflowId: string): VersionRecord[] | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readable(() => listVersions(db, workflowId)), [db, workflowId]);
}

/**
 * Every stored Workflow document that can be read (targets of Trigger Workflow, for the validator).
 * With `enabled` false nothing is read (and `undefined` returned) until it turns true.
 */
export function useWorkflowDocuments(enabled = true): Workflow[] | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => (enabled ? readable(() => listWorkflowDocuments(db)) : undefined), [db, enabled]);
}

const NO_VERSIONS: Readonly<Record<string, Workflow>> = {};

/**
 * The stored versions the scripts' publishes name (`version-<id>`, as a script saved from the
 * live session has them), by file; an empty map while reading or when none is named.
 */
export function useScriptVersions(scripts: readonly Script[]): Readonly<Record<string, Workflow>> {
  const { db } = usePersistence();
  const files = [...new Set(scripts.flatMap((script) => script.events.flatMap((event) => (event.type === 'workflow.publish' ? [event.file] : []))))].sort();
  const key = files.join('\n');
  return useLiveQuery(() => (files.length === 0 ? NO_VERSIONS : readable(() => readVersionFiles(db, files))), [db, key], NO_VERSIONS);
}

/** The canvas viewport saved for this Workflow (`null` when none), read once when the canvas opens. */
export function useSavedViewport(workflowId: string): LastViewRecord['viewport'] | undefined {
  const { db } = usePersistence();
  const [viewport, setViewport] = useState<LastViewRecord['viewport'] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    readLastView(db).then(
      (view) => live && setViewport(view?.workflowId === workflowId ? view.viewport : null),
      () => live && setViewport(null),
    );
    return () => {
      live = false;
    };
  }, [db, workflowId]);
  return viewport;
}

/**
 * Every stored Workflow that can be read, with its revision — documents and revisions from one
 * read, so a change made to what is shown is checked against the revision it was shown at.
 */
export function useStoredWorkflowRecords(): WorkflowRecord[] | undefined {
  const { db } = usePersistence();
  return useLiveQuery(() => readable(() => listWorkflowRecords(db)), [db]);
}
