import { memo, useCallback, useLayoutEffect, useMemo, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import type { TimelineMark } from '../../../../simulator/schema/playback.ts';
import { formatVirtualTime } from '../../../common/virtualTime.ts';
import { formatSince } from './formatSince.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Columns the marks are bunched into: a population's thousands of instants would not fit the track apart. */
const SLOTS = 200;

interface Props {
  /** Virtual time, ms since start. */
  readonly time: number;
  /** The end of the timeline, ms since start. */
  readonly end: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly marks: readonly TimelineMark[];
  /** Asked to go to an instant (ms since start, within 0…end). */
  readonly onSeek: (t: number) => void;
  readonly disabled?: boolean;
}

/** The slider's granularity: seconds on a timeline of up to two hours, minutes beyond. */
export function scrubberStep(end: number): number {
  return end <= 2 * HOUR ? SECOND : MINUTE;
}

interface MarkGroup {
  readonly kind: TimelineMark['kind'];
  readonly slot: number;
  count: number;
  from: number;
  to: number;
}

/** Marks bunched by kind into the track's columns; events first, so stops are drawn over them. */
function groupMarks(marks: readonly TimelineMark[], end: number): MarkGroup[] {
  const groups = new Map<string, MarkGroup>();
  for (const mark of marks) {
    const slot = end > 0 ? Math.round((Math.min(Math.max(mark.t, 0), end) / end) * SLOTS) : 0;
    const key = `${mark.kind}:${slot}`;
    const group = groups.get(key);
    if (group) {
      group.count += mark.count;
      group.from = Math.min(group.from, mark.t);
      group.to = Math.max(group.to, mark.t);
    } else groups.set(key, { kind: mark.kind, slot, count: mark.count, from: mark.t, to: mark.t });
  }
  return [...groups.values()].sort((a, b) => (a.kind === b.kind ? a.slot - b.slot : a.kind === 'event' ? -1 : 1));
}

/** `3 events at +1h`, `2 runs stopped from +1d 2h to +1d 3h`. */
function markTitle({ kind, count, from, to }: MarkGroup): string {
  const what = kind === 'stop' ? (count === 1 ? 'run stopped' : 'runs stopped') : count === 1 ? 'event' : 'events';
  const [first, last] = [formatSince(from), formatSince(to)];
  return `${formatCount(count)} ${what} ${first === last ? `at ${first}` : `from ${first} to ${last}`}`;
}

/**
 * The timeline as a slider (a native range; its keys are handled here so that they are exact: the
 * arrows move a step, Page Up and Page Down an hour, Home and End go to either end), with the instants where something happens marked along its track. Its value is
 * read out as the time since start and the date and time in the workspace's time zone.
 */
export function Scrubber({ time, end, startEpochMs, timeZone, marks, onSeek, disabled = false }: Props) {
  const step = scrubberStep(end);
  const at = Math.max(0, Math.min(time, end));
  const groups = useMemo(() => groupMarks(marks, end), [marks, end]);
  // Keys pressed before the engine answered the last seek move on from where that seek went, not
  // from the time still on screen (Home then PageUp means +1h, not the old time plus an hour).
  const requested = useRef<{ readonly to: number; readonly whileShowing: number } | null>(null);
  const seek = (t: number) => {
    const to = Math.max(0, Math.min(end, t));
    requested.current = { to, whileShowing: time };
    onSeek(to);
  };
  const latestSeek = useRef(seek);
  useLayoutEffect(() => {
    latestSeek.current = seek;
  });
  const seekToMark = useCallback((t: number) => latestSeek.current(t), []);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = Number(event.currentTarget.value);
    // The range stops at the last whole step below `end`: that last stop means the end itself.
    seek(value > 0 && value > end - step ? end : value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = requested.current;
    const base = last !== null && last.whileShowing === time ? last.to : at;
    const forward = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: HOUR, PageDown: -HOUR }[event.key];
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? end : forward === undefined ? undefined : base + forward;
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    seek(to);
  };

  return (
    <div className="scrubber">
      <input
        type="range"
        className="scrubber__input"
        min={0}
        max={end}
        step={step}
        value={at}
        aria-label="Virtual time"
        aria-valuetext={`${formatSince(at)}, ${formatVirtualTime(startEpochMs + at, timeZone)}`}
        disabled={disabled || end <= 0}
        onChange={onChange}
        onKeyDown={onKeyDown}
      />
      <ScrubberMarks groups={groups} disabled={disabled} onPick={seekToMark} />
    </div>
  );
}

/**
 * The marks along the track, drawn once per timeline: they do not change while the time moves, and
 * a population's hundreds of titles would otherwise be written again on every frame of play.
 */
const ScrubberMarks = memo(function ScrubberMarks({ groups, disabled, onPick }: { groups: readonly MarkGroup[]; disabled: boolean; onPick: (t: number) => void }) {
  // A bunch of many hangs lower than a single one (against the largest of its kind): a population's timeline shows where the crowd is.
  const most = { event: 1, stop: 1 };
  for (const group of groups) most[group.kind] = Math.max(most[group.kind], group.count);
  const length = ({ kind, count }: MarkGroup) => 0.4 + 0.6 * Math.sqrt(count / most[kind]);
  return (
    // The marks repeat what the trace says; for the eye and the pointer only (a click goes to the mark).
    <svg className="scrubber__marks" viewBox={`0 0 ${SLOTS} 1`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {groups.map((group) => (
        <g
          key={`${group.kind}:${group.slot}`}
          className={`scrubber__mark scrubber__mark--${group.kind}`}
          data-testid="scrubber-mark"
          onClick={disabled ? undefined : () => onPick(group.from)}
        >
          <title>{markTitle(group)}</title>
          <line className="scrubber__tick" x1={group.slot} x2={group.slot} y1={0} y2={length(group)} />
          <line className="scrubber__hit" x1={group.slot} x2={group.slot} y1={0} y2={1} />
        </g>
      ))}
    </svg>
  );
});
