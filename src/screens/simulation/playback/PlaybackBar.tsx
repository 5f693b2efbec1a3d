import { ChevronLast, Pause, Play, SkipForward, StepForward } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { TimelineMark } from '../../../../simulator/schema/playback.ts';
import { Tooltip } from '../../../ui/Tooltip.tsx';
import { formatVirtualTime } from '../../../common/virtualTime.ts';
import { formatSince } from './formatSince.ts';
import { PLAYBACK_SPEEDS, type PlaybackSpeed } from './playbackSpeeds.ts';
import { Scrubber } from './Scrubber.tsx';
import './playback.css';

interface Props {
  /** Virtual time, ms since start. */
  readonly time: number;
  /** The end of the timeline (when the last thing happens), ms since start. */
  readonly end: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly playing: boolean;
  readonly speed: PlaybackSpeed;
  readonly marks: readonly TimelineMark[];
  /** Nothing is left to play. */
  readonly done: boolean;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onSpeedChange: (speed: PlaybackSpeed) => void;
  /** Play the next event only. */
  readonly onStep: () => void;
  /** Go to the next instant where something happens. */
  readonly onNextEvent: () => void;
  readonly onSeek: (t: number) => void;
  readonly onRunToEnd: () => void;
}

/**
 * The simulator workspace's time warp: play and pause, the speed, one event at a time, the next
 * event, the end at once, and the timeline to scrub — with the virtual clock as a date and time
 * and as time since start. Presentational: it reports what the person asks for.
 */
export function PlaybackBar(props: Props) {
  const { time, end, startEpochMs, timeZone, playing, speed, marks, done } = props;
  const { onPlay, onPause, onSpeedChange, onStep, onNextEvent, onSeek, onRunToEnd } = props;

  // A radio group: one tab stop, arrow keys move the choice (WAI-ARIA radio group pattern).
  const onArrows = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const current = PLAYBACK_SPEEDS.findIndex((option) => option.value === speed);
    const index = (current + move + PLAYBACK_SPEEDS.length) % PLAYBACK_SPEEDS.length;
    const next = PLAYBACK_SPEEDS[index];
    if (next) onSpeedChange(next.value);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]')[index]?.focus();
  };
  const epochMs = startEpochMs + Math.min(Math.max(time, 0), end);

  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <div className="playback-bar__controls">
        <Tooltip content={playing ? 'Pause (Space)' : 'Play at the chosen speed (Space)'}>
          <button
            type="button"
            className="ui-button ui-button--primary playback-bar__toggle"
            aria-keyshortcuts="Space"
            disabled={done && !playing}
            onClick={playing ? onPause : onPlay}
          >
            {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
            {playing ? 'Pause' : 'Play'}
          </button>
        </Tooltip>
        <Tooltip content="Play the next event only (→)">
          <button type="button" className="ui-button playback-bar__button" aria-keyshortcuts="ArrowRight" disabled={done} onClick={onStep}>
            <StepForward size={16} aria-hidden /> Step
          </button>
        </Tooltip>
        <Tooltip content="Go to the next moment something happens (Shift+→)">
          <button type="button" className="ui-button playback-bar__button" aria-keyshortcuts="Shift+ArrowRight" disabled={done} onClick={onNextEvent}>
            <SkipForward size={16} aria-hidden /> Next event
          </button>
        </Tooltip>
        <Tooltip content="Play everything that is left at once">
          <button type="button" className="ui-button playback-bar__button" disabled={done} onClick={onRunToEnd}>
            <ChevronLast size={16} aria-hidden /> Run to end
          </button>
        </Tooltip>
        <div className="playback-bar__speeds" role="radiogroup" aria-label="Speed" onKeyDown={onArrows}>
          {PLAYBACK_SPEEDS.map((option) => (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={speed === option.value}
              tabIndex={speed === option.value ? 0 : -1}
              title={option.description}
              className="playback-bar__speed"
              onClick={() => onSpeedChange(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <div className="playback-bar__timeline">
        <div className="playback-bar__clock">
          <span className="playback-bar__time" data-testid="playback-time">
            <span className="visually-hidden">Virtual time: </span>
            <time dateTime={new Date(epochMs).toISOString()}>{formatVirtualTime(epochMs, timeZone)}</time>
          </span>
          <span className="playback-bar__since" data-testid="playback-since">
            <span className="visually-hidden">Since the start: </span>
            {formatSince(epochMs - startEpochMs)}
            <span className="playback-bar__end"> of {formatSince(end)}</span>
          </span>
        </div>
        <Scrubber time={time} end={end} startEpochMs={startEpochMs} timeZone={timeZone} marks={marks} onSeek={onSeek} />
      </div>
    </div>
  );
}
