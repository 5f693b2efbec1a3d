import { describe, expect, it } from 'vitest';
import { lazyScreen } from '../../src/app/lazyScreen.tsx';

const Screen = () => null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyScreen', () => {
  it('downloads a screen once, however often it is preloaded', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads += 1;
      return Screen;
    });
    expect(loads).toBe(0);
    screen.preload();
    screen.preload();
    await settle();
    screen.preload();
    expect(loads).toBe(1);
  });

  it('asks the network again after a failed download, and a failed preload raises nothing', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads += 1;
      if (loads === 1) throw new Error('offline');
      return Screen;
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      screen.preload();
      await settle();
      screen.preload();
      await settle();
      screen.preload();
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(loads).toBe(2);
    expect(unhandled).toEqual([]);
  });
});
