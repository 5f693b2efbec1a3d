import { BinaryHeap, EventQueue, orderKey, TIMER, type Schedule } from '../../simulator/engine/eventQueue.ts';
import { ScriptFeed, type FeedState } from '../../simulator/engine/scriptFeed.ts';
import { collectGarbage, keepAlive, nowMs } from './measure.ts';
import { DAY_MS, type Workload } from './workload.ts';

export interface BareHeapFigures {
  /** `binary-heap`: a plain binary heap; `event-queue`: the engine's own calendar queue. */
  readonly queue: BareQueueKind;
  readonly contacts: number;
  /** Entries popped: every script event, plus one timer per contact. */
  readonly events: number;
  readonly ms: number;
  readonly eventsPerSec: number;
}

/** The feed's per-contact place (its event order and a cursor), in two flat arrays. */
class FlatFeedState implements FeedState {
  private readonly order: Uint32Array;
  private readonly cursor: Uint8Array;
  constructor(contacts: number) {
    this.order = new Uint32Array(contacts);
    this.cursor = new Uint8Array(contacts);
  }
  feedOrder(contact: number): number {
    return this.order[contact] as number;
  }
  setFeedOrder(contact: number, order: number): void {
    this.order[contact] = order;
  }
  advanceFeed(contact: number): number {
    return ++(this.cursor[contact] as number);
  }
}

export type BareQueueKind = 'binary-heap' | 'event-queue';

/** A plain binary heap behind the queue's interface: the (time, class, sequence) order, nothing more. */
class PlainHeapQueue implements Schedule {
  topTime = 0;
  topClass = 0;
  topA = 0;
  topB = 0;
  private readonly heap = new BinaryHeap(1 << 16);
  private sequence = 0;
  push(time: number, queueClass: number, a: number, b: number): void {
    this.heap.push(time, orderKey(queueClass, this.sequence++), a, b);
  }
  peekTime(): number {
    return this.heap.peekTime();
  }
  pop(): boolean {
    const heap = this.heap;
    if (!heap.pop()) return false;
    this.topTime = heap.topTime;
    this.topClass = heap.topClass;
    this.topA = heap.topA;
    this.topB = heap.topB;
    return true;
  }
}

/**
 * The ceiling: a queue and the engine's ScriptFeed doing nothing but pops and pushes for the
 * same workload — the feed's initial entries, each contact's next event as one is taken, and one
 * timer 24 h after each contact's first event (the follow-up). No state, no trace. `binary-heap`
 * is the bare binary-heap loop; `event-queue` runs the engine's own calendar queue, the
 * ceiling of the engine as it is built.
 */
export function benchBareHeap(workload: Workload, kind: BareQueueKind = 'binary-heap'): BareHeapFigures {
  collectGarbage();
  const t0 = nowMs();
  const feed = new ScriptFeed(workload.script);
  const queue = kind === 'binary-heap' ? new PlainHeapQueue() : new EventQueue();
  const state = new FlatFeedState(feed.contactCount);
  const seen = new Uint8Array(feed.contactCount);
  const until = workload.until;
  feed.start(queue, state);
  let events = 0;
  while (queue.peekTime() <= until) {
    queue.pop();
    events++;
    if (queue.topClass === TIMER) continue;
    const contact = queue.topA;
    feed.taken(queue, state, contact);
    if (seen[contact] === 0) {
      seen[contact] = 1;
      queue.push(queue.topTime + DAY_MS, TIMER, contact, 0);
    }
  }
  const ms = nowMs() - t0;
  keepAlive(`bare-${kind}`, { feed, queue, state });
  return { queue: kind, contacts: workload.contacts, events, ms, eventsPerSec: (events / ms) * 1000 };
}
