// The simulator workspace's controller and breakpoints: the worker pauses at the entry (the
// services in process, test/harness/heldWorkerClients.ts), and play stops on the frame that says
// so — at every speed, with the clock a fake the test moves — then plays on from there.
import { afterEach, describe, expect, it } from 'vitest';
import { playbackPace, type PlaybackController, type PlaybackPaceRate } from '../../../src/engine/playbackController.ts';
import { settled, type FakeSessionTiming } from '../../harness/fakeSessionTiming.ts';
import { loadedPlaybackSession } from '../../harness/playbackSession.ts';

const HOUR = 3_600_000;
/** Omar writes at +0 and nobody answers: the follow-up ("check-in") goes out at +24h, the end. */
const END = 24 * HOUR;

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

const session = () => loadedPlaybackSession(disposers);

/** Plays until play stops (at most `limit` frames of 16 ms). */
async function playUntilStopped(timing: FakeSessionTiming, controller: PlaybackController, limit = 5000): Promise<void> {
  for (let i = 0; i < limit && controller.playing; i++) {
    timing.frame(1000 / 60);
    await settled();
  }
}

describe('play stops where the worker paused at a breakpoint', () => {
  it.each<PlaybackPaceRate>([3600, 86_400, 'max'])('at speed %s: stops at the follow-up at +24h, not later, and plays on to the end', async (rate) => {
    const { timing, controller, frames } = await session();
    expect(await controller.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait' }, { workflow: 'follow-up', step: 'check-in' }] })).toMatchObject({ ok: true });
    controller.play(playbackPace(rate, () => END));
    await playUntilStopped(timing, controller);
    expect(controller.playing).toBe(false);
    expect(frames().at(-1)).toMatchObject({ time: 0, hit: { step: 'wait', t: 0 }, done: false });

    controller.play(playbackPace(rate, () => END));
    await playUntilStopped(timing, controller);
    expect(frames().at(-1)).toMatchObject({ time: END, hit: { step: 'check-in', t: END } });
    // No frame went past the pause, and each pause came once.
    expect(frames().filter((frame) => frame.hit).map((frame) => frame.hit?.step)).toEqual(['wait', 'check-in']);

    controller.play(playbackPace(rate, () => END));
    await playUntilStopped(timing, controller);
    expect(frames().at(-1)).toMatchObject({ time: END, done: true });
    expect(frames().at(-1)?.hit).toBeUndefined();
  });

  it('Run to end stops at the breakpoint; a seek passing breakpoints does not', async () => {
    const { controller } = await session();
    await controller.setBreakpoints({ anyStop: false, steps: [{ workflow: 'follow-up', step: 'check-in' }] });
    const paused = await controller.runToEnd();
    expect(paused?.ok && paused.frame.hit?.step).toBe('check-in');
    await controller.seek(HOUR);
    const passed = await controller.seek(END, { breakpoints: 'pass' });
    expect(passed?.ok && passed.frame).toMatchObject({ time: END, done: true });
    expect(passed?.ok && passed.frame.hit).toBeUndefined();
  });
});
