import { Send } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { ComposerSide } from '../../../state/liveSlice.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';
import { LIMITS } from '../../../../simulator/schema/limits.ts';

/** From here on the composer counts the characters, so the limit is seen before it is reached. */
const COUNT_FROM = LIMITS.messageChars - 500;

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
  const length = text.trim().length;
  // The schema's limit for a script's message events: a longer message would only be refused after it was sent.
  const tooLong = length > LIMITS.messageChars;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    // Too long: refused here, with the reason beside the field, and kept whole for the person to shorten.
    if (message === '' || sending || message.length > LIMITS.messageChars) return;
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
          value={text}
          aria-invalid={tooLong || undefined}
          aria-describedby={length >= COUNT_FROM ? `${id}-count` : undefined}
          placeholder={side === 'agent' ? `Reply to ${contactName} as ${userName}…` : `Write as ${contactName}…`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="ui-button ui-button--primary" disabled={length === 0 || tooLong || sending}>
          <Send size={14} aria-hidden /> Send
        </button>
      </div>
      {/* No maxLength on the field: it would cut a long paste without a word. The whole text stays,
          and this line says by how much it is over. */}
      {length >= COUNT_FROM && (
        <p id={`${id}-count`} className={tooLong ? 'composer__count composer__count--over' : 'composer__count'} aria-live="polite">
          {tooLong
            ? `Too long to send: at most ${formatCount(LIMITS.messageChars)} characters, this message has ${formatCount(length)} (${formatCount(length - LIMITS.messageChars)} over).`
            : `${formatCount(length)} of ${formatCount(LIMITS.messageChars)} characters`}
        </p>
      )}
    </form>
  );
}
