import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/appStore.ts';
import { MAX_NOTICES } from '../../../src/state/uiSlice.ts';

describe('notices (the UI slice)', () => {
  it('adds a notice and dismisses it by id', () => {
    const store = createAppStore();
    const id = store.getState().notify({ tone: 'error', title: 'Not saved', description: 'The disk is full' });
    expect(store.getState().notices).toEqual([{ id, tone: 'error', title: 'Not saved', description: 'The disk is full', count: 1 }]);
    store.getState().dismissNotice(id);
    expect(store.getState().notices).toEqual([]);
  });

  it('counts a repeated notice instead of stacking copies', () => {
    const store = createAppStore();
    const first = store.getState().notify({ tone: 'error', title: 'Worker crashed' });
    const again = store.getState().notify({ tone: 'error', title: 'Worker crashed' });
    store.getState().notify({ tone: 'info', title: 'Worker crashed' });
    expect(again).toBe(first);
    expect(store.getState().notices.map((notice) => [notice.tone, notice.count])).toEqual([
      ['error', 2],
      ['info', 1],
    ]);
  });

  it(`keeps the newest ${MAX_NOTICES}`, () => {
    const store = createAppStore();
    for (let i = 1; i <= MAX_NOTICES + 2; i++) store.getState().notify({ tone: 'info', title: `Notice ${i}` });
    expect(store.getState().notices.map((notice) => notice.title)).toEqual(
      Array.from({ length: MAX_NOTICES }, (_, i) => `Notice ${i + 3}`),
    );
  });
});
