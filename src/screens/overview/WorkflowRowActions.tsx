import { Copy, PencilLine, PencilRuler, Settings, Trash2 } from 'lucide-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { loadOnce } from '../../common/loadOnce.ts';
import { useNavigate } from '../../routing/Router.tsx';
import { useStoredWorkflowActions } from '../../persistence/useStoredWorkflowActions.ts';
import type { WorkflowSummary } from '../../persistence/workflowRepository.ts';
import { DropdownMenu } from '../../ui/DropdownMenu.tsx';
import type { RowDialog, WorkflowRowDialog as RowDialogComponent } from './WorkflowRowDialogs.tsx';

const { load: loadDialogs } = loadOnce<typeof RowDialogComponent>(() => import('./WorkflowRowDialogs.tsx').then((module) => module.WorkflowRowDialog));
const WorkflowRowDialog = lazy(() => loadDialogs().then((component) => ({ default: component })));
/** The dialogs' code is fetched as the pointer or focus reaches a row's menu, so the chosen dialog opens without a wait. */
const preloadDialogs = () => void loadDialogs().catch(() => undefined);

/** A row's action menu on the overview: open, rename, Workflow settings, duplicate, delete (confirmed, with Undo). */
export function WorkflowRowActions({ workflow }: { workflow: WorkflowSummary }) {
  const navigate = useNavigate();
  const { duplicate } = useStoredWorkflowActions();
  const [dialog, setDialog] = useState<RowDialog | null>(null);
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
      <span ref={menu} onPointerEnter={preloadDialogs} onFocus={preloadDialogs}>
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
      {dialog && (
        <Suspense fallback={null}>
          <WorkflowRowDialog dialog={dialog} workflow={workflow} onOpenChange={close} />
        </Suspense>
      )}
    </>
  );
}
