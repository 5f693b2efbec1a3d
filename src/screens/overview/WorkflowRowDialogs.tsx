import { useId, useState } from 'react';
import { LoadingMessage } from '../../ui/LoadingMessage.tsx';
import { useStoredWorkflow } from '../../persistence/storedWorkflowHooks.ts';
import { useSaveWorkflowSettings } from '../../persistence/useSaveWorkflowSettings.ts';
import { useStoredWorkflowActions } from '../../persistence/useStoredWorkflowActions.ts';
import type { WorkflowSummary } from '../../persistence/workflowRepository.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { WorkflowSettingsDialog } from '../../parts/settings/WorkflowSettingsDialog.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { workflowNameProblem } from '../../../simulator/validate/workflowNameProblem.ts';

export type RowDialog = 'rename' | 'settings' | 'delete';

/**
 * The dialogs of a row's action menu, in a chunk of their own: the overview shows none of them
 * until an item is chosen, so its first load does not carry the settings panel or the dialogs.
 */
export function WorkflowRowDialog({ dialog, workflow, onOpenChange }: { dialog: RowDialog; workflow: WorkflowSummary; onOpenChange: (open: boolean) => void }) {
  switch (dialog) {
    case 'rename':
      return <RenameDialog workflow={workflow} onOpenChange={onOpenChange} />;
    case 'settings':
      return <SettingsDialog workflow={workflow} onOpenChange={onOpenChange} />;
    case 'delete':
      return <DeleteDialog workflow={workflow} onOpenChange={onOpenChange} />;
  }
}

function DeleteDialog({ workflow, onOpenChange }: { workflow: WorkflowSummary; onOpenChange: (open: boolean) => void }) {
  const { remove } = useStoredWorkflowActions();
  return (
    <ConfirmDialog
      open
      onOpenChange={onOpenChange}
      title={`Delete “${workflow.name}”?`}
      description="Its history and scripts go with it. You can undo this for a few seconds after."
      confirmLabel="Delete"
      onConfirm={() => void remove(workflow.id, workflow.name)}
    />
  );
}

function RenameDialog({ workflow, onOpenChange }: { workflow: WorkflowSummary; onOpenChange: (open: boolean) => void }) {
  const { rename } = useStoredWorkflowActions();
  const [name, setName] = useState(workflow.name);
  const id = useId();
  const problem = workflowNameProblem(name);
  return (
    <Dialog open onOpenChange={onOpenChange} title="Rename Workflow">
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (problem) return;
          if (await rename(workflow.id, name.trim())) onOpenChange(false);
        }}
      >
        <label htmlFor={id} className="field-label">
          Name
        </label>
        <input id={id} value={name} maxLength={120} aria-invalid={problem !== null} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setName(event.target.value)} />
        {problem && (
          <p id={`${id}-problem`} className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="ui-dialog__actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={problem !== null}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The same settings panel as in the builder, on the stored Workflow (each change saved at once).
 * The panel shows the settings as clicked, not as last read back: the stored copy arrives a few
 * hundred milliseconds after each write, and a click computed from it lost the click before
 * (issue 14). Each write carries the whole settings, in click order, so the last one stored is
 * exactly what the person sees. Every click is checked against the revision the first one was
 * made on (the writer counts its own writes since as read): a change made meanwhile in another
 * tab, which this panel does not show, is refused and toasted rather than overwritten, and the
 * panel goes back to what is stored — as after any refused write.
 */
function SettingsDialog({ workflow, onOpenChange }: { workflow: WorkflowSummary; onOpenChange: (open: boolean) => void }) {
  const read = useStoredWorkflow(workflow.id);
  const saveSettings = useSaveWorkflowSettings();
  const [clicked, setClicked] = useState<{ readonly settings: WorkflowSettings; readonly readAt: number } | null>(null);
  if (read === undefined) return <LoadingMessage>Reading the Workflow…</LoadingMessage>;
  if (!read?.ok) return null;
  return (
    <WorkflowSettingsDialog
      open
      onOpenChange={onOpenChange}
      workflowName={read.record.document.name}
      settings={clicked?.settings ?? read.record.document.settings}
      whenStoppedPath={read.record.document.whenStopped !== undefined}
      onChange={(settings) => {
        const click = { settings, readAt: clicked?.readAt ?? read.record.revision };
        setClicked(click);
        void saveSettings({ workflowId: workflow.id, ...click }).then((outcome) => outcome.ok || setClicked((shown) => (shown === click ? null : shown)));
      }}
    />
  );
}
