import { SkipForward } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import { LIVE_SPEEDS, type LiveSpeed } from '../../../state/liveSlice.ts';
import { formatSpan, formatVirtualTime } from '../../../common/virtualTime.ts';

interface Props {
  /** Virtual time, ms since start. */
  readonly time: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly speed: LiveSpeed;
  readonly nextDue: number | null;
  readonly onSpeedChange: (speed: LiveSpeed) => void;
  readonly onJumpToNext: () => void;
}

const SPEED_LABEL: Record<LiveSpeed, string> = { 0: 'Pause', 1: '1×', 60: '60×', 3600: '3,600×' };
const SPEED_NAME: Record<LiveSpeed, string> = { 0: 'Paused', 1: 'Real time', 60: 'One minute per second', 3600: 'One hour per second' };

/**
 * The virtual clock the inbox lives in, and the time warp: pause, 1×, 60×, 3,600×, and a jump to
 * the next timer — so a demo reaches the 24 h follow-up in seconds.
 */
export function LiveClock({ time, startEpochMs, timeZone, speed, nextDue, onSpeedChange, onJumpToNext }: Props) {
  // A radio group: one tab stop, arrow keys move the choice (WAI-ARIA radio group pattern).
  const onArrows = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = (LIVE_SPEEDS.indexOf(speed) + step + LIVE_SPEEDS.length) % LIVE_SPEEDS.length;
    onSpeedChange(LIVE_SPEEDS[index] as LiveSpeed);
    const buttons = event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]');
    buttons[index]?.focus();
  };
  return (
    <div className="live-clock" role="group" aria-label="Virtual clock">
      <div className="live-clock__now">
        <span className="live-clock__time" data-testid="virtual-time">
          <span className="visually-hidden">Virtual time: </span>
          <time dateTime={new Date(startEpochMs + time).toISOString()}>{formatVirtualTime(startEpochMs + time, timeZone)}</time>
        </span>
        <span className="live-clock__offset" data-testid="virtual-offset">
          <span className="visually-hidden">Since the session started: </span>
          {formatOffset(Math.floor(time / 1000) * 1000)}
        </span>
      </div>
      <div className="live-clock__speeds" role="radiogroup" aria-label="Speed" onKeyDown={onArrows}>
        {LIVE_SPEEDS.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={speed === value}
            tabIndex={speed === value ? 0 : -1}
            title={SPEED_NAME[value]}
            className="live-clock__speed"
            onClick={() => onSpeedChange(value)}
          >
            {SPEED_LABEL[value]}
          </button>
        ))}
      </div>
      <button type="button" className="ui-button" onClick={onJumpToNext} disabled={nextDue === null}>
        <SkipForward size={14} aria-hidden /> Jump to next timer
        {nextDue !== null && <span className="live-clock__due"> (in {formatSpan(nextDue - time)})</span>}
      </button>
    </div>
  );
}
