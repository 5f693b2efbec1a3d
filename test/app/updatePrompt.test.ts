import { describe, expect, it } from 'vitest';
import { offerUpdate, UPDATE_READY_TITLE } from '../../src/app/updatePrompt.ts';
import type { NewNotice } from '../../src/state/uiSlice.ts';

function prompt() {
  const notices: NewNotice[] = [];
  const calls: string[] = [];
  let finishFlush: () => void = () => undefined;
  offerUpdate({
    notify: (notice) => notices.push(notice),
    flush: () => {
      calls.push('flush');
      return new Promise<void>((resolve) => (finishFlush = resolve));
    },
    activateUpdate: async () => {
      calls.push('activate');
    },
  });
  return { notices, calls, finishFlush: () => finishFlush() };
}

describe('the update prompt', () => {
  it('says a new version is ready and offers Reload, without reloading by itself', () => {
    const { notices, calls } = prompt();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ tone: 'info', title: UPDATE_READY_TITLE, action: { label: 'Reload' } });
    expect(UPDATE_READY_TITLE).toBe('A new version of exitflow is ready');
    expect(calls).toEqual([]);
  });

  it('on Reload, saves what is waiting to be saved first, and lets the new version take over only then', async () => {
    const { notices, calls, finishFlush } = prompt();
    notices[0]!.action!.perform();
    await Promise.resolve();
    expect(calls).toEqual(['flush']);
    finishFlush();
    await expect.poll(() => calls).toEqual(['flush', 'activate']);
  });

  it('keeps the old version when saving failed, so the reload loses no edit', async () => {
    const notices: NewNotice[] = [];
    let activated = false;
    offerUpdate({
      notify: (notice) => notices.push(notice),
      flush: () => Promise.reject(new Error('quota')),
      activateUpdate: async () => {
        activated = true;
      },
    });
    notices[0]!.action!.perform();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(activated).toBe(false);
  });
});
