import { useMemo } from 'react';
import type { DocumentIssue } from '../../simulator/schema/parseDocument.ts';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';
import { downloadText } from '../common/downloadText.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { usePersistence } from './PersistenceProvider.tsx';
import { readWorkflowFile, workflowFileName, workflowFileText } from './readWorkflowFile.ts';
import type { WorkflowRecord } from '../model/records.ts';
import { rememberView } from './lastView.ts';
import { describeStorageFailure } from '../model/storageError.ts';
import {
  createWorkflow,
  deleteWorkflow,
  listWorkflowDocuments,
  publishWorkflow,
  readWorkflow,
  restoreDeletedWorkflow,
  restoreVersion,
  saveVersion,
  updateStoredWorkflow,
} from './workflowRepository.ts';

export type PublishOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly WorkflowProblem[] } | { readonly ok: false; readonly problems?: undefined };

export type ImportOutcome = { readonly ok: true; readonly record?: WorkflowRecord } | { readonly ok: false; readonly issues: readonly DocumentIssue[] };

/**
 * What screens do with stored Workflows. Each action reports its own failure as a toast and
 * returns `null` (or the problems) instead of throwing, so a screen never breaks on a full disk.
 */
export function useWorkflowActions() {
  const { db, flush } = usePersistence();
  const store = useAppStoreApi();
  return useMemo(() => {
    const failed = (what: string, error: unknown) => {
      store.getState().notify({ tone: 'error', title: what, description: describeStorageFailure(error).message });
      return null;
    };

    /** Stores a new Workflow; its id is made unique if taken. */
    const create = async (document: Workflow): Promise<WorkflowRecord | null> => {
      try {
        return await createWorkflow(db, document, Date.now());
      } catch (error) {
        return failed('The Workflow was not created', error);
      }
    };

    /** Reads and checks a Workflow file, whole; never throws. */
    const readFile = async (file: Blob) => {
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        return { ok: false as const, issues: [{ path: '$', message: `The file cannot be read: ${(error as Error).message}` }] };
      }
      return readWorkflowFile(text, file.size);
    };

    /** Reads, checks and stores a Workflow file as a new Workflow in one go: on any problem nothing is stored. */
    const importFile = async (file: Blob): Promise<ImportOutcome> => {
      const read = await readFile(file);
      if (!read.ok) return read;
      try {
        return { ok: true, record: await createWorkflow(db, read.value, Date.now()) };
      } catch (error) {
        return { ok: false, issues: [{ path: '$', message: `The file is valid but was not stored: ${describeStorageFailure(error).message}` }] };
      }
    };

    /** Replaces the open Workflow's content with a file's (one undoable edit; its id stays). */
    const importIntoOpen = async (file: Blob): Promise<ImportOutcome> => {
      const read = await readFile(file);
      if (!read.ok) return read;
      store.getState().editWorkflow((current) => ({ ...read.value, id: current.id }));
      store.getState().select({ nodeIds: [], edgeIds: [] });
      return { ok: true };
    };

    /** Downloads the open Workflow as it is in memory: works even when storage does not. */
    const exportOpen = () => {
      const { document } = store.getState();
      if (document) downloadText(workflowFileName(document.workflow), workflowFileText(document.workflow));
    };

    /** Writes pending edits, then keeps the stored state as a version with a note. */
    const saveVersionNow = async (note: string): Promise<boolean> => {
      const { document } = store.getState();
      if (!document) return false;
      await flush();
      if (store.getState().save.status !== 'saved') {
        store.getState().notify({ tone: 'error', title: 'No version saved', description: 'Your latest edits are not stored yet; resolve the save problem first.' });
        return false;
      }
      try {
        return (await saveVersion(db, document.workflowId, note, Date.now())) !== null;
      } catch (error) {
        failed('No version saved', error);
        return false;
      }
    };

    /** Makes an old version current (a new revision; the history keeps everything). */
    const restore = async (versionId: number): Promise<boolean> => {
      await flush();
      const { document, save } = store.getState();
      if (!document || save.status !== 'saved') return false;
      try {
        const outcome = await restoreVersion(db, document.workflowId, versionId, document.baseRevision, Date.now());
        if (outcome.ok) store.getState().adoptStored(outcome.record);
        else if (outcome.reason === 'conflict') store.getState().saveConflicted(outcome.current.ok ? outcome.current.record : null);
        return outcome.ok;
      } catch (error) {
        failed('The version was not restored', error);
        return false;
      }
    };

    /** Conflict: drop this tab's edits and take what the other tab stored. */
    const reloadTheirs = async (): Promise<void> => {
      const { document } = store.getState();
      if (!document) return;
      try {
        const read = await readWorkflow(db, document.workflowId);
        if (read?.ok) store.getState().adoptStored(read.record);
      } catch (error) {
        failed('The stored Workflow cannot be read', error);
      }
    };

    /** Conflict: keep this tab's edits as a new Workflow (open it next), leaving the other tab's version as it is. */
    const keepMineAsCopy = async (): Promise<WorkflowRecord | null> => {
      const { document } = store.getState();
      if (!document) return null;
      return create({ ...document.workflow, name: `${document.workflow.name} (my copy)`.slice(0, 120) });
    };

    /**
     * Publishes the open Workflow if it is valid (SPEC §3, with the other stored Workflows as
     * targets of "Trigger another Workflow"); an invalid one is refused with every problem.
     */
    const publish = async (): Promise<PublishOutcome> => {
      await flush();
      const { document, save } = store.getState();
      if (!document || save.status !== 'saved') return { ok: false };
      try {
        const others = (await listWorkflowDocuments(db)).filter((workflow) => workflow.id !== document.workflowId);
        const problems = validateWorkflow(document.workflow, { workflows: others });
        if (problems.length > 0) return { ok: false, problems };
        const outcome = await publishWorkflow(db, { document: document.workflow, baseRevision: document.baseRevision }, Date.now());
        if (outcome.ok) store.getState().adoptStored(outcome.record);
        else if (outcome.reason === 'conflict') store.getState().saveConflicted(outcome.current.ok ? outcome.current.record : null);
        return outcome.ok ? { ok: true } : { ok: false };
      } catch (error) {
        failed('The Workflow was not published', error);
        return { ok: false };
      }
    };

    /**
     * Changes a stored Workflow from the overview. When it is the one open in the builder, the
     * change goes through the document instead (undoable, and autosaved like any edit).
     */
    const updateStored = async (id: string, change: (workflow: Workflow) => Workflow, what: string): Promise<boolean> => {
      if (store.getState().document?.workflowId === id) {
        store.getState().editWorkflow(change);
        return true;
      }
      try {
        const outcome = await updateStoredWorkflow(db, id, change, Date.now());
        if (!outcome.ok) store.getState().notify({ tone: 'error', title: `${what}: nothing changed`, description: outcome.reason === 'missing' ? 'This Workflow is no longer stored.' : 'The stored Workflow cannot be read.' });
        return outcome.ok;
      } catch (error) {
        failed(`${what}: nothing changed`, error);
        return false;
      }
    };

    const rename = (id: string, name: string) => updateStored(id, (workflow) => ({ ...workflow, name }), 'Not renamed');
    const updateSettings = (id: string, settings: WorkflowSettings) => updateStored(id, (workflow) => ({ ...workflow, settings }), 'Settings not saved');

    /** A copy of a stored Workflow, as a new draft named "… (copy)". */
    const duplicate = async (id: string): Promise<WorkflowRecord | null> => {
      try {
        const read = await readWorkflow(db, id);
        if (!read?.ok) return null;
        return await create({ ...read.record.document, name: `${read.record.document.name} (copy)`.slice(0, 120) });
      } catch (error) {
        return failed('Not duplicated', error);
      }
    };

    /** Deletes a Workflow with its history; a toast offers Undo, which puts everything back. */
    const remove = async (id: string, name: string): Promise<boolean> => {
      try {
        const deleted = await deleteWorkflow(db, id);
        if (!deleted) return false;
        if (store.getState().document?.workflowId === id) store.getState().closeDocument();
        store.getState().notify({
          tone: 'success',
          title: `Deleted “${name}”`,
          action: {
            label: 'Undo',
            perform: () => void restoreDeletedWorkflow(db, deleted).catch((error: unknown) => failed(`“${name}” was not restored`, error)),
          },
        });
        return true;
      } catch (error) {
        failed('Not deleted', error);
        return false;
      }
    };

    /** Keeps where the canvas was looking, for crash recovery (best effort, silent). */
    const rememberViewport = (workflowId: string, viewport: { x: number; y: number; zoom: number }) =>
      void rememberView(db, { workflowId, viewport, savedAt: Date.now() }).catch(() => undefined);

    return { rememberViewport, rename, updateSettings, duplicate, remove, create, importFile, importIntoOpen, exportOpen, saveVersionNow, restore, reloadTheirs, keepMineAsCopy, publish };
  }, [db, flush, store]);
}
