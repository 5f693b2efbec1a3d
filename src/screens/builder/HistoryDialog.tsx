import { useState, type ReactElement } from 'react';
import type { VersionKind, VersionRecord } from '../../model/records.ts';
import { useVersions } from '../../persistence/storedWorkflowHooks.ts';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { StepOutline } from './StepOutline.tsx';

const KIND_NAMES: Record<VersionKind, string> = { auto: 'Automatic', publish: 'Published', manual: 'Saved', restore: 'Restored' };
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The history of the open Workflow: each version with its time and note, to preview and restore. */
export function HistoryDialog({ workflowId, trigger }: { workflowId: string; trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog wide trigger={trigger} open={open} onOpenChange={setOpen} title="History" description="Restoring a version makes it the current state; the history keeps everything.">
      {open && <VersionList workflowId={workflowId} onRestored={() => setOpen(false)} />}
    </Dialog>
  );
}

function VersionList({ workflowId, onRestored }: { workflowId: string; onRestored: () => void }) {
  const versions = useVersions(workflowId);
  const [preview, setPreview] = useState<VersionRecord | null>(null);
  const { restore } = useVersionActions();
  if (versions === undefined) return <p className="loading">Reading the history…</p>;
  if (versions.length === 0) return <p className="notice">No versions yet. Save a version to start the history.</p>;
  return (
    <div className="history">
      <ol className="history__list" aria-label="Versions">
        {versions.map((version) => (
          <li key={version.id} className="history__item">
            <div>
              <strong>{KIND_NAMES[version.kind]}</strong> <time dateTime={new Date(version.createdAt).toISOString()}>{timeFormat.format(version.createdAt)}</time>
              {version.note && <p className="history__note">{version.note}</p>}
            </div>
            <div className="history__actions">
              <button type="button" className="ui-button ui-button--small" aria-pressed={preview?.id === version.id} onClick={() => setPreview(preview?.id === version.id ? null : version)}>
                Preview
              </button>
              <button
                type="button"
                className="ui-button ui-button--small"
                onClick={async () => {
                  if (await restore(version.id)) onRestored();
                }}
              >
                Restore
              </button>
            </div>
          </li>
        ))}
      </ol>
      {preview && (
        <div className="history__preview" aria-label={`Preview of the version of ${timeFormat.format(preview.createdAt)}`} role="region">
          <p>
            <strong>{preview.document.name}</strong>
          </p>
          <StepOutline workflow={preview.document} />
        </div>
      )}
    </div>
  );
}
