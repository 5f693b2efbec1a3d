import { useState, type ReactElement } from 'react';
import type { VersionRecord } from '../../model/records.ts';
import { useVersions } from '../../persistence/storedWorkflowHooks.ts';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { useAppStore } from '../../state/StoreProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { CompareDialog } from './compare/CompareDialog.tsx';
import { CURRENT, VERSION_KIND_NAMES as KIND_NAMES, versionNote, versionTimeFormat as timeFormat, type CompareSide } from './compare/versionName.ts';
import { useOneAtATime } from '../../ui/useOneAtATime.ts';
import { StepOutline } from './StepOutline.tsx';

/** The history of the open Workflow: each version with its time and note, to preview, compare and restore. */
export function HistoryDialog({ workflowId, trigger }: { workflowId: string; trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog size="wide" trigger={trigger} open={open} onOpenChange={setOpen} title="History" description="Restoring a version makes it the current state; the history keeps everything.">
      {open && <VersionList workflowId={workflowId} onRestored={() => setOpen(false)} />}
    </Dialog>
  );
}

function VersionList({ workflowId, onRestored }: { workflowId: string; onRestored: () => void }) {
  const versions = useVersions(workflowId);
  const [preview, setPreview] = useState<VersionRecord | null>(null);
  const [pair, setPair] = useState<{ older: CompareSide; newer: CompareSide } | null>(null);
  const draft = useAppStore((state) => state.document?.workflow);
  const current = draft?.id === workflowId ? draft : undefined;
  const { restore } = useVersionActions();
  // One restore at a time, whichever version: a second click while the first writes would restore
  // from the revision the first just replaced, and read as a change made in another tab.
  const restoring = useOneAtATime(async (versionId: number) => {
    if (await restore(versionId)) onRestored();
  });
  if (versions === undefined) return <p className="loading">Reading the history…</p>;
  if (versions.length === 0) return <p className="notice">No versions yet. Save a version to start the history.</p>;
  return (
    <div className="history">
      <ol className="history__list" aria-label="Versions">
        {versions.map((version) => (
          <li key={version.id} className="history__item">
            <div className="history__text">
              <strong>{KIND_NAMES[version.kind]}</strong> <time dateTime={new Date(version.createdAt).toISOString()}>{timeFormat.format(version.createdAt)}</time>
              {version.note && <p className="history__note">{versionNote(version)}</p>}
            </div>
            <div className="history__actions">
              <button type="button" className="ui-button ui-button--small" aria-pressed={preview?.id === version.id} onClick={() => setPreview(preview?.id === version.id ? null : version)}>
                Preview
              </button>
              {current && (
                <button
                  type="button"
                  className="ui-button ui-button--small"
                  aria-label={`Compare the version of ${timeFormat.format(version.createdAt)} with the current draft`}
                  // Setting the same pair twice opens one view: a double click changes nothing.
                  onClick={() => setPair({ older: { kind: 'version', id: version.id }, newer: CURRENT })}
                >
                  Compare
                </button>
              )}
              <button type="button" className="ui-button ui-button--small" aria-disabled={restoring.busy} aria-busy={restoring.busy} onClick={() => restoring.run(version.id)}>
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
      {current && <CompareDialog workflowId={workflowId} versions={versions} current={current} pair={pair} onClose={() => setPair(null)} />}
    </div>
  );
}
