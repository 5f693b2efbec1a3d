import { Send } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { ComposerSide } from '../../../state/liveSlice.ts';

interface Props {
  readonly side: ComposerSide;
  readonly onSideChange: (side: ComposerSide) => void;
  readonly contactName: string;
  readonly userName: string;
  /** Resolves true when the engine took the message; the draft comes back otherwise. */
  readonly onSend: (text: string) => Promise<boolean>;
}

/**
 * Writes into the conversation as the agent — an outgoing message from a person, which can meet
 * the "Outgoing messages" exit condition — or as the contact, to play the other side of the demo.
 */
export function Composer({ side, onSideChange, contactName, userName, onSend }: Props) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const id = useId();
  const author = side === 'agent' ? userName : contactName;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (message === '' || sending) return;
    // Cleared at once, as chat apps do: what is written while the engine takes it (and the
    // session is kept) is the next message, not erased when the answer comes.
    setText('');
    setSending(true);
    try {
      // Not taken: the draft comes back for another try, unless a new one was begun.
      if (!(await onSend(message))) setText((draft) => (draft === '' ? text : draft));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="composer" onSubmit={submit} aria-label="Write a message">
      <fieldset className="composer__side">
        <legend className="composer__legend">Write as</legend>
        {(['agent', 'contact'] as const).map((value) => (
          <label key={value} className="composer__side-option">
            <input type="radio" name={`${id}-side`} value={value} checked={side === value} onChange={() => onSideChange(value)} />
            {value === 'agent' ? `${userName} (agent)` : `${contactName} (contact)`}
          </label>
        ))}
      </fieldset>
      <div className="composer__row">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Message as {author}
        </label>
        <textarea
          id={`${id}-text`}
          className="composer__text"
          rows={2}
          maxLength={4096}
          value={text}
          placeholder={side === 'agent' ? `Reply to ${contactName} as ${userName}…` : `Write as ${contactName}…`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="ui-button ui-button--primary" disabled={text.trim() === '' || sending}>
          <Send size={14} aria-hidden /> Send
        </button>
      </div>
    </form>
  );
}
