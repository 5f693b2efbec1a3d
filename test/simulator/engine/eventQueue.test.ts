import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, EXTERNAL, TIMER } from '../../../simulator/engine/eventQueue.ts';

/** An operation on the queue: push an entry `delay` ms after the current time, pop, or let go of unused storage. */
type Op = { readonly push: true; readonly delay: number; readonly queueClass: number } | { readonly push: false; readonly release?: true };

const MINUTE = 60_000;
/** Delays that land in the current bucket, the ring, past the ring (overflow), or at fractions of a ms. */
const delayArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 2 * MINUTE }),
  fc.integer({ min: 0, max: 5_000 * MINUTE }),
  fc.double({ min: 0, max: 10, noNaN: true }),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ push: fc.constant(true as const), delay: delayArb, queueClass: fc.constantFrom(EXTERNAL, TIMER) }),
  fc.constant({ push: false as const }),
  fc.constant({ push: false as const, release: true as const }),
);

describe('EventQueue', () => {
  it('pops in (time, external before timer, queued order) like a sorted list, however entries spread over buckets, storage let go or not', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const queue = new EventQueue();
        const reference: { time: number; queueClass: number; seq: number }[] = [];
        let now = 0;
        let seq = 0;
        const takeOne = () => {
          reference.sort((x, y) => x.time - y.time || x.queueClass - y.queueClass || x.seq - y.seq);
          const expected = reference.shift();
          expect(queue.pop()).toBe(expected !== undefined);
          if (expected === undefined) return;
          expect([queue.topTime, queue.topClass, queue.topA]).toEqual([expected.time, expected.queueClass, expected.seq]);
          now = expected.time;
        };
        for (const op of ops) {
          if (op.push) {
            reference.push({ time: now + op.delay, queueClass: op.queueClass, seq });
            queue.push(now + op.delay, op.queueClass, seq++, 0);
          } else if (op.release) {
            queue.releaseStorage();
          } else {
            takeOne();
          }
        }
        while (reference.length > 0) takeOne();
        expect(queue.pop()).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('EventQueue.releaseStorage', () => {
  /** A queue that held `count` entries spread over a day, a bucket of 20,000 of them among them, all taken again but `left`. */
  function drained(count: number, left = 0): EventQueue {
    const queue = new EventQueue();
    for (let i = 0; i < count; i++) queue.push((i * 7919) % (24 * 60 * MINUTE), EXTERNAL, i, 0);
    for (let i = 0; i < 20_000; i++) queue.push(5 * MINUTE + 1, TIMER, i, 0);
    for (let i = 0; i < left; i++) queue.push(30 * 24 * 60 * MINUTE, EXTERNAL, i, 0);
    while (queue.size > left) queue.pop();
    return queue;
  }

  it('lets go of what the busiest moment took once it is all taken, and the queue works on after', () => {
    const queue = drained(200_000);
    const busy = queue.byteSize();
    queue.releaseStorage();
    expect(busy).toBeGreaterThan(6_000_000);
    expect(queue.byteSize()).toBe(new EventQueue().byteSize());
    queue.push(10, TIMER, 1, 0);
    queue.push(10, EXTERNAL, 2, 0);
    expect([queue.pop(), queue.topA, queue.pop(), queue.topA, queue.pop()]).toEqual([true, 2, true, 1, false]);
  });

  it('keeps what is still queued, in order', () => {
    const queue = drained(200_000, 3);
    queue.releaseStorage();
    const taken: number[] = [];
    while (queue.pop()) taken.push(queue.topA);
    expect(taken).toEqual([0, 1, 2]);
  });

  it('is let go of when a simulation has run to its end (see Simulation.runToEnd)', async () => {
    const { prepareSimulation } = await import('../../../simulator/engine/prepareSimulation.ts');
    const { buildWorkload } = await import('../../bench/workload.ts');
    const workload = buildWorkload(20_000);
    const prepared = prepareSimulation({ workflows: [workload.workflow], script: workload.script, until: workload.until });
    if (!prepared.ok) throw new Error('the bench workload does not prepare');
    const queue = (prepared.simulation as unknown as { queue: EventQueue }).queue;
    prepared.simulation.runToEnd();
    expect(queue.size).toBe(0);
    expect(queue.byteSize()).toBe(new EventQueue().byteSize());
  });
});

describe('EventQueue at any representable time (issue 13, item 2)', () => {
  /** Pops everything, with a guard: a queue that stops making progress fails instead of hanging. */
  function drain(queue: EventQueue): number[] {
    const times: number[] = [];
    for (let guard = 0; queue.size > 0; guard++) {
      if (guard > 1000) throw new Error('the queue made no progress');
      expect(queue.pop()).toBe(true);
      times.push(queue.topTime);
    }
    return times;
  }

  it('orders entries past 2^53 ms and at infinity, where bucket numbers stop changing', () => {
    const queue = new EventQueue();
    for (const time of [Infinity, 1e20, 8.64e15, 5, 2 ** 60, 1e20 + 2 ** 20, Number.MAX_VALUE]) queue.push(time, TIMER, 0, 0);
    expect(drain(queue)).toEqual([5, 8.64e15, 2 ** 60, 1e20, 1e20 + 2 ** 20, Number.MAX_VALUE, Infinity]);
    expect(queue.pop()).toBe(false);
  });

  it('keeps ordering pushes made after it reached the far future, classes and sequence included', () => {
    const queue = new EventQueue();
    queue.push(1e20, TIMER, 1, 0);
    queue.push(3e20, TIMER, 2, 0);
    expect(queue.pop()).toBe(true);
    expect(queue.topTime).toBe(1e20);
    queue.push(2e20, TIMER, 3, 0);
    queue.push(2e20, EXTERNAL, 4, 0);
    queue.push(2e20, EXTERNAL, 5, 0);
    const order: number[] = [];
    while (queue.pop()) order.push(queue.topA);
    expect(order).toEqual([4, 5, 3, 2]);
  });

  it('refuses an entry with no time (NaN) instead of losing its place', () => {
    expect(() => new EventQueue().push(Number.NaN, TIMER, 0, 0)).toThrow(RangeError);
  });
});
