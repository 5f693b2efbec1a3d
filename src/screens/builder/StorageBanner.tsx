import { useNavigate } from '../../routing/Router.tsx';
import { useConflictActions } from '../../persistence/useConflictActions.ts';
import { useWorkflowFileActions } from '../../persistence/useWorkflowFileActions.ts';
import { useAppStore } from '../../state/StoreProvider.tsx';

/**
 * When edits cannot be saved: why, and what the person can do — a failed write (the toolbar has
 * Retry and Export backup), another tab saved the same Workflow (keep theirs, or keep mine as a
 * copy), or a newer exitflow took over storage (reload).
 */
export function StorageBanner() {
  const save = useAppStore((state) => state.save);
  const navigate = useNavigate();
  const { reloadTheirs, keepMineAsCopy } = useConflictActions();
  const { exportOpen } = useWorkflowFileActions();
  if (save.status === 'conflict')
    return (
      <section className="banner banner--warning" role="alert" aria-label="Edit conflict">
        <p>
          <strong>Changed in another tab.</strong> This Workflow was saved in another tab while you edited it here. Your edits are not
          saved; nothing was overwritten.
        </p>
        <div className="banner__actions">
          <button type="button" className="ui-button" onClick={() => void reloadTheirs()}>
            Reload theirs
          </button>
          <button
            type="button"
            className="ui-button ui-button--primary"
            onClick={async () => {
              const copy = await keepMineAsCopy();
              if (copy) navigate({ screen: 'builder', workflowId: copy.id });
            }}
          >
            Keep mine as a copy
          </button>
        </div>
      </section>
    );
  if (save.status === 'failed')
    return (
      <section className="banner banner--warning" role="alert" aria-label="Not saved">
        <p>
          <strong>Your latest edits are not saved.</strong> {save.failure.message} They are kept in this tab: export a backup before
          closing it.
        </p>
      </section>
    );
  if (save.status === 'blocked')
    return (
      <section className="banner banner--warning" role="alert" aria-label="Reload needed">
        <p>
          <strong>Reload this tab.</strong> {save.failure.message}
        </p>
        <div className="banner__actions">
          <button type="button" className="ui-button" onClick={exportOpen}>
            Export backup
          </button>
          <button type="button" className="ui-button ui-button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </section>
    );
  return null;
}
