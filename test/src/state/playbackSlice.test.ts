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

describe('the playback slice and a reload', () => {
  it('a load or reload is one change: no subscriber sees the new timeline without its frame', () => {
    const store = createAppStore();
    store.getState().playbackLoaded(info, frame(0));
    const seen: { info: boolean; frame: boolean }[] = [];
    store.subscribe((state) => seen.push({ info: state.playback.info !== null, frame: state.playback.frame !== null }));
    store.getState().playbackLoaded({ ...info, end: 2 * 86_400_000 }, frame(3_600_000));
    // The workspace draws what it is told of first: a frame-less state put a loading line in its place.
    expect(seen).toEqual([{ info: true, frame: true }]);
    expect(store.getState().playback).toMatchObject({ status: { kind: 'ready' }, info: { end: 2 * 86_400_000 }, frame: { time: 3_600_000 } });
  });
});
