import { Ban, Bot, Info, Megaphone, StickyNote } from 'lucide-react';
import { memo, useEffect, useRef } from 'react';
import type { TranscriptItem } from '../../../simulator/trace/transcript.ts';
import { formatVirtualTime } from '../live/virtualTime.ts';

interface Props {
  readonly contactName: string;
  readonly items: readonly TranscriptItem[];
  readonly startEpochMs: number;
  readonly timeZone: string;
}

const ACTIVITY_ICON = { stop: Ban, refused: Ban, note: StickyNote, info: Info } as const;

/**
 * A contact's conversation: the contact's messages on the left, agents' and Workflows' on the
 * right (a Workflow's marked with a robot and its name), activity lines across the middle — a stop
 * reads "Workflow Lead nurture stopped: incoming message". New lines are announced politely.
 */
export const Transcript = memo(function Transcript({ contactName, items, startEpochMs, timeZone }: Props) {
  const end = useRef<HTMLLIElement>(null);
  const last = items.at(-1)?.seq;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  // One live region from the start, so the first message is announced too; focusable so a keyboard can scroll it.
  return (
    <div className="transcript" role="log" aria-label={`Conversation with ${contactName}`} aria-live="polite" tabIndex={0}>
      {items.length === 0 && <p className="transcript__empty">No messages yet. Write as {contactName} to start the conversation.</p>}
      <ol className="transcript__lines">
      {items.map((item) => {
        const time = (
          <time className="transcript__time" dateTime={new Date(startEpochMs + item.t).toISOString()}>
            {formatVirtualTime(startEpochMs + item.t, timeZone)}
          </time>
        );
        if (item.kind === 'activity') {
          const Icon = ACTIVITY_ICON[item.tone];
          return (
            <li key={item.seq} className={`transcript__activity transcript__activity--${item.tone}`} data-kind="activity">
              <Icon size={14} aria-hidden />
              <span>{item.text}</span>
              {time}
            </li>
          );
        }
        const author =
          item.kind === 'contact' ? contactName : item.kind === 'agent' ? item.user : item.kind === 'workflow' ? `Workflow ${item.workflow}` : 'Broadcast';
        return (
          <li key={item.seq} className={`transcript__message transcript__message--${item.kind}`} data-kind={item.kind}>
            <span className="transcript__author">
              {item.kind === 'workflow' && <Bot size={14} aria-hidden />}
              {item.kind === 'broadcast' && <Megaphone size={14} aria-hidden />}
              {author}
            </span>
            <p className="transcript__text">{item.text}</p>
            {time}
          </li>
        );
      })}
        <li ref={end} className="transcript__end" aria-hidden />
      </ol>
    </div>
  );
});
