import { useEffect, useMemo } from 'react';
import type { WorkflowRecord } from '../../model/records.ts';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { BuilderToolbar } from './BuilderToolbar.tsx';
import { useWorkflowDocuments } from '../../persistence/storedWorkflowHooks.ts';
import { BuilderWorkspace } from './BuilderWorkspace.tsx';
import { StorageBanner } from './StorageBanner.tsx';

/**
 * Edits one stored Workflow through the store's document slice: opening it puts it there (once,
 * not on every later stored change, which the persistence layer follows), and closing the screen
 * takes it out after writing what is pending.
 */
export function WorkflowEditor({ record }: { record: WorkflowRecord }) {
  const store = useAppStoreApi();
  const document = useAppStore((state) => (state.document?.workflowId === record.id ? state.document : null));
  useEffect(() => {
    if (store.getState().document?.workflowId !== record.id) store.getState().openDocument(record);
    // Only a change of Workflow reopens; the record's later revisions arrive through persistence.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.id, store]);
  useEffect(
    () => () => {
      store.getState().requestSave();
    },
    [store],
  );
  const stored = useWorkflowDocuments();
  const otherWorkflows = useMemo(() => (stored ?? []).filter((workflow) => workflow.id !== record.id), [stored, record.id]);
  if (!document) return null;
  return (
    <div className="editor">
      <BuilderToolbar
        workflow={document.workflow}
        publication={{ status: record.status, editedSincePublished: record.publishedAt !== null && record.updatedAt > record.publishedAt }}
        canUndo={document.past.length > 0} canRedo={document.future.length > 0} />
      <StorageBanner />
      <BuilderWorkspace workflow={document.workflow} otherWorkflows={otherWorkflows} />
    </div>
  );
}
