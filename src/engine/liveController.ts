import type { LiveCommand } from '../../simulator/engine/liveSession.ts';
import type { LivePublish, LiveResult, LiveStart, LiveUpdate } from '../../simulator/schema/live.ts';
import type { LiveSessionClient } from './liveSessionClient.ts';
import { SessionController, type Pace } from './sessionController.ts';
import { intervalTiming, type SessionTiming } from './sessionTiming.ts';

/** How often the live clock asks the engine to move on, in wall ms. */
export const LIVE_TICK_MS = 200;

/** The live clock's pace: `speed` virtual ms per wall ms. */
export const livePace =
  (speed: number): Pace =>
  (elapsed) =>
    elapsed * speed;

/**
 * The engine stopped the clock short and says it will not go on (the end of what the session plays,
 * or its trace full); stopping at the most one request may play ('advance_limit') is not an end.
 */
export function liveClockHalted(result: LiveResult): boolean {
  return result.ok && result.update.halted != null && result.update.halted.reason !== 'advance_limit';
}

/**
 * The Messages view's live session: open-ended, its clock ticking every LIVE_TICK_MS while it
 * plays, a person's commands carried out at the current second in turn with the clock's requests.
 * A refused command or tick leaves the clock playing; a halt stops it.
 */
export class LiveController extends SessionController<LiveResult, LiveSessionClient> {
  constructor(client: LiveSessionClient, timing: SessionTiming = intervalTiming(LIVE_TICK_MS)) {
    super(client, { timing, stopsPlay: liveClockHalted });
  }

  start(input: LiveStart): Promise<LiveResult | undefined> {
    return this.exclusive((client) => client.start(input));
  }

  /**
   * Plays on to `time` (the clock of a session kept from before a reload) in one turn: the engine
   * plays a bounded number of entries per request ('advance_limit'), so a long session goes in
   * steps, each but the last handed to `progress`; the last is published as any answer.
   */
  replayTo(time: number, progress: (update: LiveUpdate) => void): Promise<LiveResult | undefined> {
    return this.command(async (client) => {
      let replayed = await client.advance(time);
      while (!this.disposed && replayed.ok && replayed.update.halted?.reason === 'advance_limit' && replayed.update.time < time) {
        progress(replayed.update);
        replayed = await client.advance(time - replayed.update.time);
      }
      return replayed;
    });
  }

  perform(command: LiveCommand): Promise<LiveResult | undefined> {
    return this.command((client) => client.command(command));
  }

  /** Publishes a new version into the session, in turn with the clock's requests and the person's commands. */
  publish(input: LivePublish): Promise<LiveResult | undefined> {
    return this.command((client) => client.publish(input));
  }

  jumpToNext(): Promise<LiveResult | undefined> {
    return this.command((client) => client.jumpToNext());
  }
}
