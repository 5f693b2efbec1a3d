import { useEffect, useRef } from 'react';

interface Props {
  /** What another tab did to the script since the editor here opened it. */
  readonly theirs: 'saved' | 'deleted';
  /** Saved: drop this tab's edit and edit the stored script. Deleted: drop this tab's edit. */
  readonly onReloadTheirs: () => void;
  /** Saved: keep this tab's edit as a new script beside theirs. Deleted: save it as a new script. */
  readonly onKeepMine: () => void;
  /** True while a choice is being carried out (the buttons wait). */
  readonly busy?: boolean;
}

/**
 * Above the script editor when Save found the script changed by another tab since it was opened
 * here: nothing was written over, and the person chooses — the builder's words for the same case
 * (StorageBanner): "Reload theirs" or "Keep mine as a copy". Focus comes here when it shows.
 */
export function ScriptConflictBanner({ theirs, onReloadTheirs, onKeepMine, busy = false }: Props) {
  const banner = useRef<HTMLElement>(null);
  useEffect(() => banner.current?.focus(), []);
  return (
    <section ref={banner} tabIndex={-1} className="banner banner--warning" role="alert" aria-label="Edit conflict">
      {theirs === 'saved' ? (
        <p>
          <strong>Changed in another tab.</strong> This script was saved in another tab while you edited it here. Your edit is not saved;
          nothing was overwritten.
        </p>
      ) : (
        <p>
          <strong>Deleted in another tab.</strong> This script was deleted in another tab while you edited it here. Your edit is not
          saved.
        </p>
      )}
      <div className="banner__actions">
        <button type="button" className="ui-button" disabled={busy} onClick={onReloadTheirs}>
          {theirs === 'saved' ? 'Reload theirs' : 'Discard mine'}
        </button>
        <button type="button" className="ui-button ui-button--primary" disabled={busy} aria-busy={busy} onClick={onKeepMine}>
          {theirs === 'saved' ? 'Keep mine as a copy' : 'Save mine as a new script'}
        </button>
      </div>
    </section>
  );
}
