import { describe, expect, it } from 'vitest';
import type { PlaybackFrame, PlaybackInfo } from '../../../simulator/schema/playback.ts';
import { createAppStore } from '../../../src/state/appStore.ts';

const info: PlaybackInfo = { startEpochMs: 0, timeZone: 'UTC', end: 86_400_000, marks: [], contacts: [{ id: 'omar', name: 'Omar' }], contactCount: 1, expectations: [] };
const frame = (time: number, more: Partial<PlaybackFrame> = {}): PlaybackFrame => ({
  time,
  nextEventTime: 86_400_000,
  done: false,
  stats: [],
  runCount: 1,
  eventsProcessed: 1,
  contact: null,
  ...more,
});

describe('the playback slice and breakpoints', () => {
  it('a frame where the worker paused at a breakpoint stops play, as the end of the run does; a frame without goes on playing', () => {
    const store = createAppStore();
    store.getState().playbackLoaded(info, frame(0));
    store.getState().setPlaying(true);
    store.getState().playbackFrame(frame(3_600_000));
    expect(store.getState().playback.playing).toBe(true);
    const hit = { seq: 4, t: 7_200_000, kind: 'step', by: 'step', workflow: 'follow-up', step: 'wait', contact: 'omar', run: 0 } as const;
    store.getState().playbackFrame(frame(7_200_000, { hit }));
    expect(store.getState().playback).toMatchObject({ playing: false, frame: { time: 7_200_000, hit } });
  });
});
