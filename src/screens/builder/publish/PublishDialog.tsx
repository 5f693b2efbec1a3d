import { useEffect, useRef, useState } from 'react';
import type { PublishPolicy } from '../../../../simulator/schema/script.ts';
import { useVersions } from '../../../persistence/storedWorkflowHooks.ts';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { Dialog, DialogClose } from '../../../ui/Dialog.tsx';
import { ImpactSection } from './ImpactSection.tsx';
import { PolicyChoice } from './PolicyChoice.tsx';
import './publish.css';

/** How soon after opening a click outside is still the opening double click's second click. */
const DOUBLE_CLICK_MS = 500;

interface Props {
  readonly workflowId: string;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Publishes with the chosen policy; the dialog shows it busy until this settles. */
  readonly onPublish: (policy: PublishPolicy) => Promise<void>;
}

/**
 * Publish, asked first: what happens to the runs in flight on the published version, and — before
 * anything is published — whose runs the draft would change on the saved scripts. The first
 * publish has no runs in flight on an earlier version and asks nothing.
 */
export function PublishDialog({ workflowId, open, onOpenChange, onPublish }: Props) {
  const [policy, setPolicy] = useState<PublishPolicy>('finish');
  const [busy, setBusy] = useState(false);
  const versions = useVersions(workflowId);
  const draft = useAppStore((state) => state.document?.workflow);
  // Newest first: the first publish version is the one live now.
  const published = versions?.find((version) => version.kind === 'publish');
  // A double click on the toolbar's Publish opens this dialog on the first click; the second lands
  // on the overlay, which would close it at once. A press outside that soon after opening is not the
  // person's; Escape and Cancel are, and close it at once.
  const openedAt = useRef(0);
  useEffect(() => {
    if (open) openedAt.current = performance.now();
  }, [open]);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setPolicy('finish');
      }}
      keepOpenOnPressOutside={() => performance.now() - openedAt.current < DOUBLE_CLICK_MS}
      size="large"
      title={draft ? `Publish “${draft.name}”` : 'Publish'}
      description="New runs start on the version you publish."
      footer={
        <>
          <DialogClose asChild>
            <button type="button" className="ui-button">
              Cancel
            </button>
          </DialogClose>
          <button
            type="button"
            className="ui-button ui-button--primary"
            aria-disabled={busy || versions === undefined}
            onClick={async () => {
              if (busy || versions === undefined) return;
              setBusy(true);
              try {
                await onPublish(published ? policy : 'finish');
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </>
      }
    >
      <div className="publish-dialog">
        {versions === undefined || !draft ? (
          <p role="status">Reading the history…</p>
        ) : published ? (
          <>
            <PolicyChoice value={policy} onChange={setPolicy} />
            <ImpactSection workflowId={workflowId} published={published.document} draft={draft} />
          </>
        ) : (
          <p className="publish-dialog__note">This is the first publish of this Workflow: there are no runs in flight on an earlier version, so there is nothing to decide for them and no impact to preview.</p>
        )}
      </div>
    </Dialog>
  );
}
