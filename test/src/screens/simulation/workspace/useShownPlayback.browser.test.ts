import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlaybackFrame, PlaybackInfo } from '../../../../../simulator/schema/playback.ts';
import { useShownPlayback } from '../../../../../src/screens/simulation/workspace/useShownPlayback.ts';
import { createAppStore, type AppStore } from '../../../../../src/state/appStore.ts';
import { StoreProvider } from '../../../../../src/state/StoreProvider.tsx';
import { reactRootPerTest } from '../../../../support/reactRootPerTest.ts';

const info: PlaybackInfo = { startEpochMs: 0, timeZone: 'UTC', end: 1_000_000, marks: [], contacts: [], contactCount: 0, expectations: [] };
const frameAt = (time: number, done = false): PlaybackFrame => ({ time, nextEventTime: done ? null : time + 1, done, stats: [], runCount: 0, eventsProcessed: time, contact: null });

const root = reactRootPerTest();

/** A component that draws the shown frame's time, and every time it drew, in order. */
function mount(store: AppStore) {
  const drawn: (number | null)[] = [];
  function Shown() {
    const { frame } = useShownPlayback();
    drawn.push(frame?.time ?? null);
    return createElement('output', null, frame ? String(frame.time) : 'none');
  }
  const host = root.mount(createElement(StoreProvider, { store, children: createElement(Shown) }));
  return { drawn, text: () => host.querySelector('output')?.textContent };
}

const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))));

describe('useShownPlayback', () => {
  it('draws the latest frame once the frames stop, having skipped the ones that came while it drew', async () => {
    const store = createAppStore();
    store.getState().playbackLoaded(info, frameAt(0));
    const { drawn, text } = mount(store);
    await frames();
    expect(text()).toBe('0');
    // 200 frames in one task, faster than any drawing: only the newest can be worth drawing.
    for (let t = 1; t <= 200; t++) store.getState().playbackFrame(frameAt(t * 1_000, t === 200));
    await expect.poll(text).toBe('200000');
    await frames();
    expect(drawn.at(-1)).toBe(200_000);
    expect(drawn.filter((time) => time !== 0 && time !== null).length).toBeLessThan(10);
    // Drawn in the order they came, never going back.
    const times = drawn.filter((time): time is number => time !== null);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('draws each frame when they come slower than it draws them, and a later load at once', async () => {
    const store = createAppStore();
    store.getState().playbackLoaded(info, frameAt(0));
    const { text } = mount(store);
    for (const t of [5, 6, 7]) {
      store.getState().playbackFrame(frameAt(t));
      await expect.poll(text).toBe(String(t));
    }
    store.getState().playbackLoading();
    store.getState().playbackLoaded({ ...info, end: 9 }, frameAt(1));
    await expect.poll(text).toBe('1');
  });
});
