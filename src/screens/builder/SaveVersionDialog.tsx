import { useId, useState, type ReactElement } from 'react';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { Dialog } from '../../ui/Dialog.tsx';

/** "Save version": keeps the current state in the history, with a note saying why. */
export function SaveVersionDialog({ trigger }: { trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { saveVersionNow } = useVersionActions();
  const noteId = useId();
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
          setBusy(true);
          const saved = await saveVersionNow(note);
          setBusy(false);
          if (saved) setOpen(false);
        }}
      >
        <label htmlFor={noteId} className="field-label">
          Note
        </label>
        <input id={noteId} value={note} maxLength={500} placeholder="e.g. Before changing the follow-up" onChange={(event) => setNote(event.target.value)} />
        <div className="ui-dialog__actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={busy}>
            Save version
          </button>
        </div>
      </form>
    </Dialog>
  );
}
