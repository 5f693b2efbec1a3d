import { describe, expect, it } from 'vitest';
import { nextTask } from '../../../src/common/nextTask.ts';

describe('nextTask', () => {
  it('goes on in a later task, not in the microtasks of this one', async () => {
    const order: string[] = [];
    const waited = nextTask().then(() => order.push('after nextTask'));
    await Promise.resolve();
    await Promise.resolve();
    order.push('microtasks of this task');
    await waited;
    expect(order).toEqual(['microtasks of this task', 'after nextTask']);
  });

  it('lets a task queued before it run first (no scheduler here: a timeout)', async () => {
    let earlier = false;
    setTimeout(() => (earlier = true), 0);
    await nextTask();
    expect(earlier).toBe(true);
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const global = globalThis as { scheduler?: unknown };
    const saved = global.scheduler;
    let yielded = 0;
    global.scheduler = { yield: () => Promise.resolve(void yielded++) };
    try {
      await nextTask();
    } finally {
      global.scheduler = saved;
    }
    expect(yielded).toBe(1);
  });
});
