import { useId, useState, type ReactElement } from 'react';
import { formatCount } from '../../../simulator/schema/formatCount.ts';
import { VERSION_NOTE_CHARS } from '../../model/records.ts';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { Dialog } from '../../ui/Dialog.tsx';

/** From here on the dialog counts the note's characters, so the limit is seen before it is reached. */
const COUNT_FROM = VERSION_NOTE_CHARS - 100;

/** "Save version": keeps the current state in the history, with a note saying why. */
export function SaveVersionDialog({ trigger }: { trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { saveVersionNow } = useVersionActions();
  const noteId = useId();
  // The note is stored trimmed, so that is what is counted.
  const length = note.trim().length;
  const tooLong = length > VERSION_NOTE_CHARS;
  return (
    <Dialog
      trigger={trigger}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setNote('');
      }}
      title="Save version"
      description="Keeps the Workflow as it is now in its history, so you can come back to it."
    >
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          // Too long: refused here, with the reason under the field, and kept whole for the person to shorten.
          if (busy || tooLong) return;
          setBusy(true);
          const saved = await saveVersionNow(note);
          setBusy(false);
          if (saved) setOpen(false);
        }}
      >
        <label htmlFor={noteId} className="field-label">
          Note
        </label>
        {/* No maxLength on the field: it would cut a long paste without a word. The whole note stays,
            and the line under it says by how much it is over. */}
        <input
          id={noteId}
          value={note}
          aria-invalid={tooLong || undefined}
          aria-describedby={length >= COUNT_FROM ? `${noteId}-count` : undefined}
          placeholder="e.g. Before changing the follow-up"
          onChange={(event) => setNote(event.target.value)}
        />
        {length >= COUNT_FROM && (
          <p id={`${noteId}-count`} className={tooLong ? 'field-problem' : 'field-help'} aria-live="polite">
            {tooLong
              ? `Too long to save: at most ${formatCount(VERSION_NOTE_CHARS)} characters, this note has ${formatCount(length)} (${formatCount(length - VERSION_NOTE_CHARS)} over).`
              : `${formatCount(length)} of ${formatCount(VERSION_NOTE_CHARS)} characters`}
          </p>
        )}
        <div className="ui-dialog__actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={busy || tooLong}>
            Save version
          </button>
        </div>
      </form>
    </Dialog>
  );
}
