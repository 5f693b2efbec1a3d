import type { BreakpointsInput, SetBreakpointsResult } from '../../simulator/schema/breakpoints.ts';
import type { PlaybackLoad, PlaybackLoadResult, PlaybackResult, SeekOptions } from '../../simulator/schema/playback.ts';
import type { PlaybackClient } from './playbackClient.ts';
import { SessionController, type Pace } from './sessionController.ts';
import { animationFrameTiming, type SessionTiming } from './sessionTiming.ts';

/** "As fast as possible": each tick plays this share of the timeline, and at least an hour. */
export const MAX_RATE_SHARE = 1 / 120;
export const MAX_RATE_MIN_STEP_MS = 3_600_000;

/** Playback speed: virtual ms per wall ms, or as fast as the engine goes. */
export type PlaybackPaceRate = number | 'max';

/** The pace of a speed; "as fast as possible" plays a share of the timeline (`end()`, read at each tick) per tick, however long it took. */
export function playbackPace(rate: PlaybackPaceRate, end: () => number): Pace {
  if (rate === 'max') return () => Math.max(MAX_RATE_MIN_STEP_MS, end() * MAX_RATE_SHARE);
  return (elapsed) => elapsed * rate;
}

/**
 * The simulator workspace's session: a finite, seekable timeline played a tick per animation frame.
 * Play stops at the end of the run, at a refusal and at a breakpoint (a frame with `hit`: the
 * worker paused there, whatever the speed); a step, the next event and the end at once stop it
 * first, as a media player's frame step does.
 */
export class PlaybackController extends SessionController<PlaybackResult, PlaybackClient> {
  constructor(client: PlaybackClient, timing: SessionTiming = animationFrameTiming) {
    super(client, { timing, stopsPlay: (result) => !result.ok || result.frame.done || result.frame.hit !== undefined });
  }

  load(input: PlaybackLoad): Promise<PlaybackLoadResult | undefined> {
    return this.exclusive((client) => client.load(input));
  }

  /** New inputs, re-simulated to the same instant. */
  reload(input: PlaybackLoad): Promise<PlaybackLoadResult | undefined> {
    return this.exclusive((client) => client.reload(input));
  }

  step(): Promise<PlaybackResult | undefined> {
    this.pause();
    return this.command((client) => client.step());
  }

  nextEvent(): Promise<PlaybackResult | undefined> {
    this.pause();
    return this.command((client) => client.nextEvent());
  }

  runToEnd(): Promise<PlaybackResult | undefined> {
    this.pause();
    return this.command((client) => client.runToEnd());
  }

  /** To instant `t`; playing goes on from there (unless a breakpoint on the way pauses it). */
  seek(t: number, options?: SeekOptions): Promise<PlaybackResult | undefined> {
    return this.command((client) => client.seek(t, options));
  }

  /** Where playback pauses by itself; in turn with the clock's requests, so a tick already out plays by the old ones. */
  setBreakpoints(breakpoints: BreakpointsInput): Promise<SetBreakpointsResult | undefined> {
    return this.exclusive((client) => client.setBreakpoints(breakpoints));
  }

  selectContact(id: string): Promise<PlaybackResult | undefined> {
    return this.command((client) => client.selectContact(id));
  }
}
