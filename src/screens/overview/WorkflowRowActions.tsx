import { Copy, PencilLine, PencilRuler, Settings, Trash2 } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useNavigate } from '../../routing/Router.tsx';
import { LoadingMessage } from '../../ui/LoadingMessage.tsx';
import { useStoredWorkflow } from '../../persistence/storedWorkflowHooks.ts';
import { useSaveWorkflowSettings } from '../../persistence/useSaveWorkflowSettings.ts';
import { useStoredWorkflowActions } from '../../persistence/useStoredWorkflowActions.ts';
import type { WorkflowSummary } from '../../persistence/workflowRepository.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { WorkflowSettingsDialog } from '../../parts/settings/WorkflowSettingsDialog.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { DropdownMenu } from '../../ui/DropdownMenu.tsx';
import { workflowNameProblem } from '../../../simulator/validate/workflowNameProblem.ts';

type OpenDialog = 'rename' | 'settings' | 'delete' | null;

/** A row's action menu on the overview: open, rename, Workflow settings, duplicate, delete (confirmed, with Undo). */
export function WorkflowRowActions({ workflow }: { workflow: WorkflowSummary }) {
  const navigate = useNavigate();
  const { duplicate, remove } = useStoredWorkflowActions();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const menu = useRef<HTMLSpanElement>(null);
  const close = (open: boolean) => {
    if (open) return;
    setDialog(null);
    // The dialog was opened from a menu item that is gone: give focus back to the menu's button,
    // not to the page (issue 14), once the dialog has let it go.
    requestAnimationFrame(() => menu.current?.querySelector('button')?.focus());
  };
  return (
    <>
      <span ref={menu}>
        <DropdownMenu
          label={`Actions for ${workflow.name}`}
          items={[
            { label: 'Open in builder', icon: <PencilRuler size={16} />, onSelect: () => navigate({ screen: 'builder', workflowId: workflow.id }) },
            { label: 'Rename…', icon: <PencilLine size={16} />, onSelect: () => setDialog('rename') },
            { label: 'Workflow settings…', icon: <Settings size={16} />, onSelect: () => setDialog('settings') },
            { label: 'Duplicate', icon: <Copy size={16} />, onSelect: () => void duplicate(workflow.id) },
            { kind: 'separator' },
            { label: 'Delete…', icon: <Trash2 size={16} />, tone: 'danger', onSelect: () => setDialog('delete') },
          ]}
        />
      </span>
      {dialog === 'rename' && <RenameDialog workflow={workflow} onOpenChange={close} />}
      {dialog === 'settings' && <SettingsDialog workflow={workflow} onOpenChange={close} />}
      <ConfirmDialog
        open={dialog === 'delete'}
        onOpenChange={close}
        title={`Delete “${workflow.name}”?`}
        description="Its history and scripts go with it. You can undo this for a few seconds after."
        confirmLabel="Delete"
        onConfirm={() => void remove(workflow.id, workflow.name)}
      />
    </>
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
