import { Ban, Bot, Info, Megaphone, PauseCircle, StickyNote } from 'lucide-react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { TranscriptItem } from '../../../simulator/trace/transcript.ts';
import { fileSlug } from '../../common/fileSlug.ts';
import { formatVirtualTime } from '../../common/virtualTime.ts';
import { ExportMenu } from '../../ui/ExportMenu.tsx';
import { runTimelinePicture } from '../../common/slides/runTimelinePicture.ts';
import './transcript.css';

interface Props {
  readonly contactName: string;
  readonly items: readonly TranscriptItem[];
  readonly startEpochMs: number;
  readonly timeZone: string;
  /** What an empty conversation says; by default, in the inbox, how to start one. */
  readonly emptyText?: string;
  /** Offers the run as an image for slides (SVG, PNG), naming the steps its stops cancelled. */
  readonly exportImage?: { readonly cancelledSteps: readonly string[] };
}

const ACTIVITY_ICON = { stop: Ban, pause: PauseCircle, refused: Ban, note: StickyNote, info: Info } as const;

/** How close to its end (px) the transcript counts as at its end: rounding and a last half line. */
const AT_END_SLACK = 8;

/**
 * A contact's conversation: the contact's messages on the left, agents' and Workflows' on the
 * right (a Workflow's marked with a robot and its name), activity lines across the middle — a stop
 * reads "Workflow Lead nurture stopped: incoming message". New lines are announced politely.
 *
 * It follows the latest line as chat apps do: only inside its own scroll box (never the page or
 * another panel), and only while it was at its end — a person who scrolled up to read stays where
 * they are. Another contact's conversation opens at its end, and one at its end stays there when
 * its box changes size (the window, a panel opening beside it).
 */
export const Transcript = memo(function Transcript({ contactName, items, startEpochMs, timeZone, emptyText, exportImage }: Props) {
  const log = useRef<HTMLDivElement>(null);
  const lines = useRef<HTMLOListElement>(null);
  // Whether the log was at its end before this update: kept by its scroll events, true at first.
  const atEnd = useRef(true);
  const shownContact = useRef(contactName);
  const last = items.at(-1)?.seq;
  const mounted = useRef(false);
  useLayoutEffect(() => {
    const box = log.current;
    if (!box) return;
    const otherContact = shownContact.current !== contactName;
    shownContact.current = contactName;
    // At mount, the resize observer's first report puts the log at its end, after the browser's own
    // layout and before the first paint: reading the log's height here would lay the page out
    // inside the commit that mounts it (a long task when a whole screen mounts with it).
    const first = !mounted.current;
    mounted.current = true;
    if (first && typeof ResizeObserver !== 'undefined') return;
    // Setting the box's own scrollTop moves that box alone (scrollIntoView would scroll the window too).
    if (!atEnd.current && !otherContact) return;
    box.scrollTop = box.scrollHeight - box.clientHeight;
    atEnd.current = true;
  }, [last, items.length, contactName]);
  // A layout effect, so the observer watches from the first paint on.
  useLayoutEffect(() => {
    const box = log.current;
    const content = lines.current;
    if (!box || !content || typeof ResizeObserver === 'undefined') return undefined;
    // Narrower, the lines wrap and grow without a new one: no scroll event says the end moved.
    const observer = new ResizeObserver(() => {
      if (atEnd.current) box.scrollTop = box.scrollHeight - box.clientHeight;
    });
    observer.observe(box);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const box = log.current;
    if (box) atEnd.current = box.scrollHeight - box.clientHeight - box.scrollTop <= AT_END_SLACK;
  };
  // One live region from the start, so the first message is announced too; focusable so a keyboard can scroll it.
  const picture = () => runTimelinePicture({ contactName, items, startEpochMs, timeZone, cancelledSteps: exportImage?.cancelledSteps ?? [] });
  return (
    <>
    {exportImage && <ExportMenu text="Export image" label={`Export image of ${contactName}’s run`} fileName={`${fileSlug(contactName) || 'contact'}-run`} picture={picture} />}
    <div ref={log} className="transcript" role="log" aria-label={`Conversation with ${contactName}`} aria-live="polite" tabIndex={0} onScroll={onScroll}>
      {items.length === 0 && <p className="transcript__empty">{emptyText ?? `No messages yet. Write as ${contactName} to start the conversation.`}</p>}
      <ol ref={lines} className="transcript__lines">
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
      </ol>
    </div>
    </>
  );
});
