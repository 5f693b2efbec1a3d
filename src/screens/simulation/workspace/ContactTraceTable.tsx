import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { revealInScroller } from '../debug/revealInScroller.ts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import type { TraceEntry, TraceKind } from '../../../../simulator/schema/trace.ts';
import { describeEntry, type TraceNames } from '../../../../simulator/trace/describeEntry.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

interface Props {
  readonly contactName: string;
  readonly entries: readonly TraceEntry[];
  readonly names: TraceNames;
  /** Virtual time now: entries after it are not there yet. */
  readonly now: number;
  readonly onSeek: (t: number) => void;
  /** Entries before `entries` that the worker left out (a contact with hundreds of thousands). */
  readonly omitted?: number;
  /** The entry a breakpoint paused at: its row is marked as where playback stands. */
  readonly selectedSeq?: number;
}

/** Kinds grouped the way people look for them. */
const KIND_GROUPS: readonly { readonly id: string; readonly label: string; readonly kinds: readonly TraceKind[] }[] = [
  { id: 'all', label: 'Everything', kinds: [] },
  { id: 'events', label: 'Events from the script', kinds: ['event'] },
  { id: 'messages', label: 'Workflow messages', kinds: ['message.sent'] },
  {
    id: 'runs',
    label: 'Runs starting, stopping, ending',
    // A pause is the hand-back's stop, so it sits with the stops: paused, extended, resumed.
    kinds: ['run.started', 'run.stopped', 'run.paused', 'pause.extended', 'run.resumed', 'run.completed', 'run.failed', 'stop.refused', 'trigger.ignored'],
  },
  { id: 'timers', label: 'Timers', kinds: ['timer.set', 'timer.fired', 'timer.frozen', 'timer.cancelled', 'question.timeout'] },
  { id: 'exits', label: 'Exit checks', kinds: ['exit.ignored'] },
];

/**
 * The selected contact's trace up to now, filtered by kind and step; each row goes to its instant
 * (like Stately's log): the canvas and the conversation show the state right after it.
 */
export const ContactTraceTable = memo(function ContactTraceTable({ contactName, entries, names, now, onSeek, omitted = 0, selectedSeq }: Props) {
  const id = useId();
  const [group, setGroup] = useState('all');
  const [step, setStep] = useState('');
  const steps = useMemo(() => {
    const seen = new Map<string, string>();
    for (const entry of entries) if (entry.workflow !== undefined && entry.step !== undefined) seen.set(`${entry.workflow}/${entry.step}`, names.step(entry.workflow, entry.step));
    return [...seen.entries()];
  }, [entries, names]);
  const kinds = KIND_GROUPS.find((candidate) => candidate.id === group)?.kinds ?? [];
  // The row a breakpoint paused at is brought into view inside the panel, once per pause.
  const hitRow = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (selectedSeq !== undefined && hitRow.current) revealInScroller(hitRow.current);
  }, [selectedSeq]);
  const shown = entries.filter((entry) => (kinds.length === 0 || kinds.includes(entry.kind)) && (step === '' || `${entry.workflow}/${entry.step}` === step));
  return (
    <section className="contact-trace" aria-label={`Trace of ${contactName}`}>
      <h2 className="workspace__heading">Trace of {contactName}</h2>
      <div className="contact-trace__filters">
        <label htmlFor={`${id}-kind`}>Show</label>
        <select id={`${id}-kind`} value={group} onChange={(event) => setGroup(event.target.value)}>
          {KIND_GROUPS.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-step`}>Step</label>
        <select id={`${id}-step`} value={step} onChange={(event) => setStep(event.target.value)}>
          <option value="">Any step</option>
          {steps.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {omitted > 0 && (
        <p className="workspace__hint">
          The latest {formatCount(entries.length)} entries; {formatCount(omitted)} earlier ones are not shown.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="workspace__hint">Nothing of this kind has happened to {contactName} yet.</p>
      ) : (
        <ol className="contact-trace__rows">
          {shown.map((entry) => (
            <li
              key={entry.seq}
              ref={entry.seq === selectedSeq ? hitRow : undefined}
              className={`contact-trace__row contact-trace__row--${entry.kind.replace('.', '-')}${entry.seq === selectedSeq ? ' contact-trace__row--hit' : ''}`}
              aria-current={entry.seq === selectedSeq ? 'step' : entry.t === now ? 'time' : undefined}
            >
              <button type="button" className="contact-trace__seek" onClick={() => onSeek(entry.t)} aria-label={`Go to ${formatOffset(entry.t)}: ${describeEntry(entry, names)}`}>
                {formatOffset(entry.t)}
              </button>
              <span>
                {entry.seq === selectedSeq && <strong className="contact-trace__hit">Paused here: </strong>}
                {describeEntry(entry, names)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
