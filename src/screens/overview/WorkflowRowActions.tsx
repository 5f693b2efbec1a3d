import { Copy, PencilLine, PencilRuler, Settings, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import { loadOnce } from '../../common/loadOnce.ts';
import { refetchableImport } from '../../common/refetchableImport.ts';
import { useNavigate } from '../../routing/Router.tsx';
import { useStoredWorkflowActions } from '../../persistence/useStoredWorkflowActions.ts';
import type { WorkflowSummary } from '../../persistence/workflowRepository.ts';
import { DropdownMenu } from '../../ui/DropdownMenu.tsx';
import type { RowDialog, WorkflowRowDialog as RowDialogComponent } from './WorkflowRowDialogs.tsx';

type RowDialogs = typeof RowDialogComponent;
const importDialogs = refetchableImport(() => import('./WorkflowRowDialogs.tsx'));
// Not React.lazy: it keeps a failed fetch failed, and the row's items would open nothing ever after.
const rowDialogs = loadOnce<RowDialogs>(() => importDialogs().then((module) => module.WorkflowRowDialog));
/**
 * The row dialogs' code, and the dialogs' own (Radix's), are fetched as the pointer or focus
 * reaches a row's menu, so the chosen dialog opens without a wait.
 */
const preloadDialogs = () => {
  const ignore = () => undefined;
  void rowDialogs.load().catch(ignore);
  // Imported here, not at the top: Dialog and ConfirmDialog come with the row dialogs' code, and the overview's first load need not carry them.
  void import('../../ui/preloadDialogCode.ts').then(({ preloadDialogCode }) => preloadDialogCode(), ignore);
};

/** A row's action menu on the overview: open, rename, Workflow settings, duplicate, delete (confirmed, with Undo). */
export function WorkflowRowActions({ workflow }: { workflow: WorkflowSummary }) {
  const navigate = useNavigate();
  const { duplicate } = useStoredWorkflowActions();
  const [dialog, setDialog] = useState<RowDialog | null>(null);
  const [fetched, setFetched] = useState<RowDialogs | null>(null);
  // Another row's menu may have fetched the code since this row was drawn.
  const Dialogs = fetched ?? rowDialogs.loaded;
  const menu = useRef<HTMLSpanElement>(null);
  const giveFocusBack = () => requestAnimationFrame(() => menu.current?.querySelector('button')?.focus());
  const close = (open: boolean) => {
    if (open) return;
    setDialog(null);
    // The dialog was opened from a menu item that is gone: give focus back to the menu's button,
    // not to the page (issue 14), once the dialog has let it go.
    giveFocusBack();
  };
  const open = (which: RowDialog) => {
    setDialog(which);
    if (Dialogs) return;
    rowDialogs.load().then(
      (code) => setFetched(() => code),
      () => {
        // Its code did not arrive (offline for a moment): nothing opens, and the menu's next choice fetches it again.
        setDialog(null);
        giveFocusBack();
      },
    );
  };
  return (
    <>
      <span ref={menu} onPointerEnter={preloadDialogs} onFocus={preloadDialogs}>
        <DropdownMenu
          label={`Actions for ${workflow.name}`}
          items={[
            { label: 'Open in builder', icon: <PencilRuler size={16} />, onSelect: () => navigate({ screen: 'builder', workflowId: workflow.id }) },
            { label: 'Rename…', icon: <PencilLine size={16} />, onSelect: () => open('rename') },
            { label: 'Workflow settings…', icon: <Settings size={16} />, onSelect: () => open('settings') },
            { label: 'Duplicate', icon: <Copy size={16} />, onSelect: () => void duplicate(workflow.id) },
            { kind: 'separator' },
            { label: 'Delete…', icon: <Trash2 size={16} />, tone: 'danger', onSelect: () => open('delete') },
          ]}
        />
      </span>
      {dialog && Dialogs && <Dialogs dialog={dialog} workflow={workflow} onOpenChange={close} />}
    </>
  );
}
