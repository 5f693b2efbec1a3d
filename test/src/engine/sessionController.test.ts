// The session controller plays virtual time at a speed outside React, its clock and ticks a fake
// the test moves (test/harness/fakeSessionTiming.ts) and its worker the real services in process,
// their answers held back as long as the test likes (test/harness/heldWorkerClients.ts): speed,
// pause, step, next event, seek, the end of the run, errors, and one request at a time whatever
// the worker's pace.
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveResult } from '../../../simulator/schema/live.ts';
import type { PlaybackResult } from '../../../simulator/schema/playback.ts';
import { LIVE_TICK_MS, LiveController, livePace } from '../../../src/engine/liveController.ts';
import { MAX_RATE_MIN_STEP_MS, PlaybackController, playbackPace } from '../../../src/engine/playbackController.ts';
import { followUpSituation } from '../../harness/exampleDocuments.ts';
import { everySecondWorkflow } from '../../harness/workflowFixtures.ts';
import { FakeSessionTiming, settled } from '../../harness/fakeSessionTiming.ts';
import { heldLiveClient, heldPlaybackClient } from '../../harness/heldWorkerClients.ts';
import { loadedPlaybackSession } from '../../harness/playbackSession.ts';

const SECOND = 1000;
const HOUR = 3_600_000;
/** Omar writes at +0 and nobody answers: the follow-up goes out at +24h, the end of the timeline. */
const END = 24 * HOUR;
const situation = () => followUpSituation('nobody-answers.script.json');

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

/** A loaded playback session with its fake timing, recording what subscribers hear; its timeline ends at the follow-up. */
async function playbackSession() {
  const session = await loadedPlaybackSession(disposers);
  expect(session.end()).toBe(END);
  return session;
}

describe('playing at a speed', () => {
  it.each([1, 60, 3600, 86_400])('plays %i virtual ms per wall ms, to the millisecond, at 60 frames a second', async (rate) => {
    const { timing, controller, time, advances } = await playbackSession();
    controller.play(playbackPace(rate, () => END));
    await timing.frames(15);
    // A quarter of a second of wall time: a request per frame, whole ms each, none lost to rounding.
    expect(advances()).toHaveLength(15);
    expect(time()).toBe(250 * rate);
    await timing.frames(45);
    expect(time()).toBe(Math.min(END, 1000 * rate));
  });

  it("'As fast as possible' plays a 120th of the timeline (at least an hour) a frame, however long the frame", async () => {
    const { timing, controller, time, advances, end } = await playbackSession();
    controller.play(playbackPace('max', end));
    timing.frame(1);
    await settled();
    timing.frame(500);
    await settled();
    expect(advances()).toEqual([MAX_RATE_MIN_STEP_MS, MAX_RATE_MIN_STEP_MS]);
    expect(time()).toBe(2 * HOUR);
  });

  it('a new speed counts from when it was chosen', async () => {
    const { timing, controller, time } = await playbackSession();
    controller.play(playbackPace(60, () => END));
    await timing.frames(30, 10);
    expect(time()).toBe(300 * 60);
    timing.time += 7; // wall time at the old speed since the last request is not played at the new one
    controller.play(playbackPace(3600, () => END));
    await timing.frames(10, 10);
    expect(time()).toBe(300 * 60 + 100 * 3600);
  });

  it('a long gap between ticks (a busy or hidden tab) is played whole by the next request', async () => {
    const { timing, controller, time, advances } = await playbackSession();
    controller.play(playbackPace(60, () => END));
    await timing.frames(1, 16);
    timing.frame(10 * SECOND);
    await settled();
    expect(advances()).toEqual([16 * 60, 10 * SECOND * 60]);
    expect(time()).toBe((16 + 10 * SECOND) * 60);
  });

  it("an animation frame's timestamp older than when play began asks for nothing, never for negative time", async () => {
    const { timing, controller, advances } = await playbackSession();
    timing.time = 100;
    controller.play(playbackPace(60, () => END));
    timing.frame(-4);
    await settled();
    timing.frame(20);
    await settled();
    expect(advances()).toEqual([0, 16 * 60]);
  });
});

describe('a slow worker', () => {
  it('never has two requests out: the wall time that passed meanwhile goes into the next request', async () => {
    const { timing, controller, answers, time, advances } = await playbackSession();
    answers.holding = true;
    controller.play(playbackPace(60, () => END));
    timing.frame(20);
    for (let i = 0; i < 9; i++) timing.frame(20);
    expect(answers.out).toBe(1);
    answers.release();
    await settled();
    expect(time()).toBe(20 * 60);
    // The request the next frame sends asks for every frame the worker was busy in, and this one.
    timing.frame(20);
    expect(advances()).toEqual([20 * 60, 200 * 60]);
    answers.release();
    await settled();
    expect(time()).toBe(220 * 60);
    expect(answers.mostOut).toBe(1);
  });

  it("commands wait for the clock's request, and every answer is published in the order it was asked for", async () => {
    const { timing, controller, answers, frames, events } = await playbackSession();
    answers.holding = true;
    controller.play(playbackPace(3600, () => END));
    timing.frame(1000);
    const seek = controller.seek(3 * HOUR);
    const step = controller.step();
    expect(answers.sent).toEqual(['load', 'advance 3600000']);
    // Released newest first: only one is ever out, so there is no newer one to overtake it.
    while (answers.held > 0) {
      answers.release('newest');
      await settled();
    }
    await Promise.all([seek, step]);
    expect(answers.sent).toEqual(['load', 'advance 3600000', 'seek 10800000', 'step']);
    expect(answers.mostOut).toBe(1);
    expect(frames().map((frame) => frame.time)).toEqual([HOUR, 3 * HOUR, 24 * HOUR]);
    expect(events.map((event) => (event.kind === 'answer' ? event.from : event.kind))).toEqual(['clock', 'command', 'command']);
  });

  it('a reload waits its turn too, and playing goes on after it from where the time had got to', async () => {
    const { timing, controller, answers, time } = await playbackSession();
    answers.holding = true;
    controller.play(playbackPace(60, () => END));
    timing.frame(100);
    const reloaded = controller.reload(situation());
    timing.frame(100);
    expect(answers.sent).toEqual(['load', 'advance 6000']);
    answers.release();
    await settled();
    expect(answers.sent.at(-1)).toBe('reload');
    answers.release();
    expect((await reloaded)?.ok).toBe(true);
    timing.frame(100);
    expect(answers.sent.at(-1)).toBe(`advance ${200 * 60}`);
    answers.release();
    await settled();
    expect(time()).toBe(300 * 60);
  });
});

describe('pause, step, next event, seek', () => {
  it('pause stops the ticks; an answer already asked for still arrives; play again counts from then', async () => {
    const { timing, controller, answers, time, advances } = await playbackSession();
    answers.holding = true;
    controller.play(playbackPace(60, () => END));
    timing.frame(50);
    controller.pause();
    expect(controller.playing).toBe(false);
    expect(timing.scheduled).toBe(0);
    timing.frame(5 * SECOND);
    answers.release();
    await settled();
    expect(time()).toBe(50 * 60);
    answers.holding = false;
    controller.play(playbackPace(60, () => END));
    await timing.frames(1, 50);
    expect(advances()).toEqual([50 * 60, 50 * 60]);
    expect(time()).toBe(100 * 60);
  });

  it('step plays the next event only, next event the next instant something happens; both pause first', async () => {
    const { controller, timing, frames } = await playbackSession();
    controller.play(playbackPace(60, () => END));
    const stepped = await controller.step();
    expect(controller.playing).toBe(false);
    expect(timing.scheduled).toBe(0);
    // Omar's message at +0: the run starts and the acknowledgement is sent, still at +0.
    expect(stepped?.ok && stepped.frame.time).toBe(0);
    expect(stepped?.ok && stepped.frame.eventsProcessed).toBe(1);
    controller.play(playbackPace(60, () => END));
    const next = await controller.nextEvent();
    expect(controller.playing).toBe(false);
    // The Wait's timer: the follow-up at +24h.
    expect(next?.ok && next.frame.time).toBe(END);
    expect(frames().map((frame) => frame.time)).toEqual([0, END]);
  });

  it('seek goes to any instant, back too, and playing goes on from there', async () => {
    const { controller, timing, time } = await playbackSession();
    await controller.seek(10 * HOUR);
    expect(time()).toBe(10 * HOUR);
    await controller.seek(2 * HOUR);
    expect(time()).toBe(2 * HOUR);
    controller.play(playbackPace(3600, () => END));
    await timing.frames(1, 1000);
    expect(time()).toBe(3 * HOUR);
    expect(controller.playing).toBe(true);
  });
});

describe('the end of the run', () => {
  it('stops playing at the done frame: no more requests, and subscribers hear it stopped', async () => {
    const { controller, timing, answers, frames } = await playbackSession();
    let playingWhenDone: boolean | null = null;
    controller.subscribe((event) => {
      if (event.kind === 'answer' && event.answer.ok && event.answer.frame.done) playingWhenDone = controller.playing;
    });
    controller.play(playbackPace(86_400, () => END));
    await timing.frames(70);
    expect(frames().at(-1)?.done).toBe(true);
    expect(frames().at(-1)?.time).toBe(END);
    expect(playingWhenDone).toBe(false);
    const sent = answers.sent.length;
    await timing.frames(5);
    expect(answers.sent).toHaveLength(sent);
    expect(timing.scheduled).toBe(0);
  });

  it('runToEnd pauses and goes to the end at once', async () => {
    const { controller, timing, time } = await playbackSession();
    controller.play(playbackPace(1, () => END));
    const last = await controller.runToEnd();
    expect(last?.ok && last.frame.done).toBe(true);
    expect(time()).toBe(END);
    expect(timing.scheduled).toBe(0);
  });
});

describe('errors', () => {
  it('a request the worker fails stops playing and is told to subscribers; the next command still goes', async () => {
    const { controller, timing, answers, events, time } = await playbackSession();
    controller.play(playbackPace(60, () => END));
    answers.failNext(new Error('The simulator stopped working'));
    await timing.frames(1, 100);
    expect(events.at(-1)).toEqual({ kind: 'error', error: new Error('The simulator stopped working') });
    expect(controller.playing).toBe(false);
    expect(timing.scheduled).toBe(0);
    expect(await controller.seek(HOUR)).toMatchObject({ ok: true });
    expect(time()).toBe(HOUR);
  });

  it('a refusal stops playing, and is published as the answer it is', async () => {
    const timing = new FakeSessionTiming();
    const client = heldPlaybackClient();
    const controller = new PlaybackController(client, timing);
    disposers.push(() => controller.dispose());
    const answers: PlaybackResult[] = [];
    controller.subscribe((event) => event.kind === 'answer' && answers.push(event.answer));
    // Nothing loaded: the service refuses to advance.
    controller.play(playbackPace(60, () => END));
    await timing.frames(1, 100);
    expect(answers).toEqual([{ ok: false, problems: [expect.objectContaining({ message: 'Nothing is loaded' })] }]);
    expect(controller.playing).toBe(false);
  });

  it('a subscriber that throws does not keep the next request from going', async () => {
    const { controller, timing, answers } = await playbackSession();
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const stop = controller.subscribe(() => {
        throw new Error('a broken view');
      });
      controller.play(playbackPace(60, () => END));
      await timing.frames(1, 100);
      stop();
      await timing.frames(1, 100);
      expect(answers.sent).toEqual(['load', 'advance 6000', 'advance 6000']);
      expect(unhandled).toEqual([new Error('a broken view')]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('disposal (the view unmounts)', () => {
  it('during a request: its answer and every command waiting are dropped, and nothing ticks', async () => {
    const { controller, timing, answers, events } = await playbackSession();
    answers.holding = true;
    controller.play(playbackPace(60, () => END));
    timing.frame(100);
    const step = controller.step();
    const heard = events.length;
    controller.dispose();
    expect(timing.scheduled).toBe(0);
    expect(await step).toBeUndefined();
    answers.release();
    await settled();
    expect(events).toHaveLength(heard);
    expect(answers.sent).toEqual(['load', 'advance 6000']);
    controller.play(playbackPace(60, () => END));
    expect(timing.scheduled).toBe(0);
    expect(await controller.seek(HOUR)).toBeUndefined();
  });
});

describe('the live session (open-ended, commands at the current second)', () => {
  async function liveSession() {
    const timing = new FakeSessionTiming();
    const client = heldLiveClient();
    const controller = new LiveController(client, timing);
    disposers.push(() => controller.dispose());
    const results: LiveResult[] = [];
    controller.subscribe((event) => event.kind === 'answer' && results.push(event.answer));
    const { workflows, script } = situation();
    const started = await controller.start({ workflows, base: { ...script, events: [] } });
    expect(started?.ok).toBe(true);
    const time = () => {
      const last = results.at(-1);
      return last?.ok ? last.update.time : 0;
    };
    return { timing, client, answers: client.answers, controller, results, time };
  }

  it('plays speed × the wall time, a request a tick, and pauses', async () => {
    const { timing, controller, time, answers } = await liveSession();
    controller.play(livePace(60));
    await timing.frames(5, LIVE_TICK_MS);
    expect(time()).toBe(60 * SECOND);
    controller.pause();
    await timing.frames(5, LIVE_TICK_MS);
    expect(time()).toBe(60 * SECOND);
    expect(answers.sent.filter((request) => request.startsWith('advance'))).toHaveLength(5);
  });

  it('a command waits for the tick out and is carried out at the next whole second after where the clock got to', async () => {
    const { timing, controller, answers, results } = await liveSession();
    answers.holding = true;
    controller.play(livePace(1));
    timing.frame(1500);
    const performed = controller.perform({ type: 'contact.message', contact: 'omar', text: 'Still there?' });
    expect(answers.sent).toEqual(['start', 'advance 1500']);
    answers.release();
    await settled();
    answers.release();
    const answer = await performed;
    expect(answer?.ok && answer.update.trace.entries.some((entry) => entry.t === 2 * SECOND)).toBe(true);
    expect(results.map((result) => result.ok && result.update.time)).toEqual([1500, 2 * SECOND]);
    expect(controller.playing).toBe(true);
  });

  it("stops at the session's horizon, but not where one request's entries ran out ('advance_limit')", async () => {
    const { timing, controller, results } = await liveSession();
    controller.play(livePace(3600));
    // A tab hidden for 100,000 s at 3,600×: past the session's ten years.
    await timing.frames(1, 100_000 * SECOND);
    const halted = results.at(-1);
    expect(halted?.ok && halted.update.halted?.reason).toBe('horizon');
    expect(controller.playing).toBe(false);
    const limit: LiveResult = { ok: true, update: { time: 1, nextDue: null, halted: { reason: 'advance_limit', at: 1, message: '' }, runs: [], contacts: [], trace: { from: 0, entries: [] } } };
    const going = new LiveController(heldLiveClient(), timing);
    disposers.push(() => going.dispose());
    going.play(livePace(1));
    await going.command(() => Promise.resolve(limit));
    expect(going.playing).toBe(true);
  });

  it('a kept session is replayed to its clock in steps of what one request may play, in one turn: the ticks wait', async () => {
    const timing = new FakeSessionTiming();
    const client = heldLiveClient();
    const controller = new LiveController(client, timing);
    disposers.push(() => controller.dispose());
    const published: LiveResult[] = [];
    controller.subscribe((event) => event.kind === 'answer' && published.push(event.answer));
    const { script } = situation();
    expect((await controller.start({ workflows: [everySecondWorkflow()], base: { ...script, expect: [] } }))?.ok).toBe(true);
    const progress: number[] = [];
    client.answers.holding = true;
    controller.play(livePace(1));
    const replayed = controller.replayTo(5 * HOUR, (update) => progress.push(update.time));
    while (client.answers.held > 0) {
      timing.frame(LIVE_TICK_MS);
      client.answers.release();
      await settled();
    }
    const last = await replayed;
    expect(client.answers.sent.filter((request) => request.startsWith('advance'))).toEqual(['advance 18000000', ...progress.map((time) => `advance ${5 * HOUR - time}`)]);
    expect(progress.length).toBeGreaterThan(1);
    expect(last?.ok && last.update.time).toBe(5 * HOUR);
    expect(published).toEqual([last]);
    expect(client.answers.mostOut).toBe(1);
  });

  it('a refused command leaves the clock playing', async () => {
    const { timing, controller } = await liveSession();
    controller.play(livePace(60));
    const refused = await controller.perform({ type: 'workflow.stop', user: 'nobody', workflow: '24h follow-up', contact: 'omar' });
    expect(refused?.ok).toBe(false);
    expect(controller.playing).toBe(true);
    expect(timing.scheduled).toBe(1);
  });
});
