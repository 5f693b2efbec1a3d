import { Download, History, LayoutDashboard, PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen, Redo2, Save, Settings, Undo2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { workflowNameProblem } from '../../../simulator/validate/workflowNameProblem.ts';
import { addWhenStopped } from '../../model/workflowEdits.ts';
import { useSaveWorkflowSettings } from '../../persistence/useSaveWorkflowSettings.ts';
import { useWorkflowFileActions } from '../../persistence/useWorkflowFileActions.ts';
import { ImportFileButton } from '../../ui/ImportFileButton.tsx';
import { WorkflowSettingsDialog } from '../../parts/settings/WorkflowSettingsDialog.tsx';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { GRID } from './canvas/WorkflowCanvas.tsx';
import { BUILDER_COMMANDS } from './commands/builderCommands.ts';
import { besideTheFlow } from './editing/besideTheFlow.ts';
import { IconButton } from '../../ui/Tooltip.tsx';
import { HistoryDialog } from './HistoryDialog.tsx';
import { PublishButton } from './PublishButton.tsx';
import { SimulateButton } from './SimulateButton.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SaveVersionDialog } from './SaveVersionDialog.tsx';
import { ToolbarAction } from './ToolbarAction.tsx';

interface Props {
  readonly workflow: Workflow;
  /** As stored: Draft, Published, or Published with edits since. */
  readonly publication: { readonly status: 'draft' | 'published'; readonly editedSincePublished: boolean };
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** The builder's toolbar: the Workflow's name, undo and redo, what is saved, versions, export. */
export function BuilderToolbar({ workflow, publication, canUndo, canRedo }: Props) {
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const settingsOpen = useAppStore((state) => state.settingsOpen);
  const setSettingsOpen = useAppStore((state) => state.setSettingsOpen);
  const select = useAppStore((state) => state.select);
  const panels = useAppStore((state) => state.builderPanels);
  const togglePanel = useAppStore((state) => state.toggleBuilderPanel);
  const undo = useAppStore((state) => state.undo);
  const redo = useAppStore((state) => state.redo);
  const { exportOpen, importIntoOpen } = useWorkflowFileActions();
  const saveSettings = useSaveWorkflowSettings();
  const store = useAppStoreApi();
  const nameId = useId();
  // The name field shows what is typed, even while it is not a valid name (empty); only valid names are stored.
  const [draftName, setDraftName] = useState<string | null>(null);
  const nameProblem = draftName === null ? null : workflowNameProblem(draftName);
  /**
   * The settings panel's "Add a When stopped path": the entry goes where the palette's Enter puts
   * it, level with the trigger and right of the flow (each node at its own estimated size: the
   * toolbar sits outside the canvas and its measures), in one undoable edit; the dialog closes on
   * the entry selected, so the palette offers what may follow it.
   */
  const addWhenStoppedPath = () => {
    let added = null as string | null;
    editWorkflow((current) => {
      const next = addWhenStopped(current, besideTheFlow(current, new Map(), GRID[0]));
      added = next.whenStopped && next !== current ? next.whenStopped.id : null;
      return next;
    });
    setSettingsOpen(false);
    if (added) select({ nodeIds: [added], edgeIds: [] });
  };
  return (
    <div className="toolbar builder-toolbar" role="toolbar" aria-label="Workflow">
      <div className="builder-name">
        <label htmlFor={nameId} className="visually-hidden">
          Workflow name
        </label>
        <input
          id={nameId}
          className="builder-name__input"
          value={draftName ?? workflow.name}
          maxLength={120}
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ? `${nameId}-problem` : undefined}
          onChange={(event) => {
            const name = event.target.value;
            setDraftName(name);
            if (workflowNameProblem(name) === null) editWorkflow((current) => ({ ...current, name }), { key: 'name' });
          }}
          onBlur={() => setDraftName(null)}
        />
        {nameProblem && (
          <p id={`${nameId}-problem`} className="field-problem">
            {nameProblem}
          </p>
        )}
      </div>
      <IconButton
        label={panels.palette ? 'Hide the steps' : 'Show the steps'}
        icon={panels.palette ? <PanelLeftClose size={18} /> : <PanelLeftOpen size={18} />}
        aria-pressed={!panels.palette}
        onClick={() => togglePanel('palette')}
      />
      <IconButton label="Undo" icon={<Undo2 size={18} />} disabled={!canUndo} onClick={undo} aria-keyshortcuts="Control+Z" />
      <IconButton label="Redo" icon={<Redo2 size={18} />} disabled={!canRedo} onClick={redo} aria-keyshortcuts="Shift+Control+Z" />
      <IconButton label="Auto-layout" icon={<LayoutDashboard size={18} />} onClick={() => BUILDER_COMMANDS.autoLayout.perform(store)} aria-keyshortcuts="Shift+L" />
      <WorkflowSettingsDialog
        trigger={<IconButton label="Workflow settings" icon={<Settings size={18} />} />}
        open={settingsOpen}
        onOpenChange={setSettingsOpen}
        workflowName={workflow.name}
        settings={workflow.settings}
        whenStoppedPath={workflow.whenStopped !== undefined}
        onAddWhenStoppedPath={addWhenStoppedPath}
        onChange={(settings) => void saveSettings({ workflowId: workflow.id, settings })}
      />
      <SaveStatus />
      <span className={`status status--${publication.status}`}>
        {publication.status === 'draft' ? 'Draft' : publication.editedSincePublished ? 'Published · edited since' : 'Published'}
      </span>
      <span className="toolbar-spacer" />
      <SaveVersionDialog trigger={<ToolbarAction label="Save version" icon={<Save aria-hidden size={16} />} />} />
      <HistoryDialog workflowId={workflow.id} trigger={<ToolbarAction label="History" icon={<History aria-hidden size={16} />} />} />
      <ImportFileButton importFile={importIntoOpen} compact />
      <ToolbarAction label="Export JSON" icon={<Download aria-hidden size={16} />} onClick={exportOpen} />
      <IconButton
        label={panels.side ? 'Hide the inspector and problems' : 'Show the inspector and problems'}
        icon={panels.side ? <PanelRightClose size={18} /> : <PanelRightOpen size={18} />}
        aria-pressed={!panels.side}
        onClick={() => togglePanel('side')}
      />
      <span className="toolbar-divider" aria-hidden="true" />
      <SimulateButton />
      <PublishButton />
    </div>
  );
}

