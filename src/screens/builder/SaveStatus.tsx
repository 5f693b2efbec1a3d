import { Check, CircleAlert, LoaderCircle } from 'lucide-react';
import type { StorageFailure } from '../../model/storageError.ts';
import { useWorkflowFileActions } from '../../persistence/useWorkflowFileActions.ts';
import { hasUnsavedEdits } from '../../state/documentSlice.ts';
import { useAppStore } from '../../state/StoreProvider.tsx';

/** Why, in a few words for the toolbar; the banner under it says the rest. */
const FAILURE_SUMMARIES: Record<StorageFailure['kind'], string> = {
  quota: 'storage is full',
  outdated: 'exitflow was updated',
  closed: 'storage was closed',
  unavailable: 'storage is off',
  unknown: 'the write failed',
};

// Two-digit hours on a 24-hour clock: '9:05' and '10:05', or 'AM' and 'PM', would take different
// widths and move the toolbar's items after it.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Saving…", "Saved", or "Not saved" with why and what to do: the state of autosave, as a live status. */
export function SaveStatus() {
  const save = useAppStore((state) => state.save);
  const pending = useAppStore((state) => hasUnsavedEdits(state.document));
  const requestSave = useAppStore((state) => state.requestSave);
  const { exportOpen } = useWorkflowFileActions();
  let content;
  if (save.status === 'saving' || (save.status === 'saved' && pending))
    content = (
      <>
        <LoaderCircle aria-hidden size={16} className="spin" /> Saving…
      </>
    );
  else if (save.status === 'saved')
    content = (
      <>
        <Check aria-hidden size={16} /> {save.at === null ? 'Saved' : `Saved at ${timeFormat.format(save.at)}`}
      </>
    );
  else if (save.status === 'failed')
    content = (
      <>
        <CircleAlert aria-hidden size={16} /> Not saved: {FAILURE_SUMMARIES[save.failure.kind]}
        <button type="button" className="ui-button ui-button--small" onClick={requestSave}>
          Retry
        </button>
        <button type="button" className="ui-button ui-button--small" onClick={exportOpen}>
          Export backup
        </button>
      </>
    );
  else
    content = (
      <>
        <CircleAlert aria-hidden size={16} /> Not saved
      </>
    );
  return (
    <div className={`save-status save-status--${save.status}`} role="status" aria-label="Save status">
      {content}
    </div>
  );
}
