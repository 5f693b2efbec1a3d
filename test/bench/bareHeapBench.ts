import { EventQueue, TIMER } from '../../simulator/engine/eventQueue.ts';
import { ScriptFeed, type FeedState } from '../../simulator/engine/scriptFeed.ts';
import { collectGarbage, keepAlive, nowMs } from './measure.ts';
import { DAY_MS, type Workload } from './workload.ts';

export interface BareHeapFigures {
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

/**
 * The ceiling: the engine's own EventQueue and ScriptFeed doing nothing but pops and pushes for
 * the same workload — the feed's initial entries, each contact's next event as one is taken,
 * and one timer 24 h after each contact's first event (the follow-up). No state, no trace.
 */
export function benchBareHeap(workload: Workload): BareHeapFigures {
  collectGarbage();
  const t0 = nowMs();
  const feed = new ScriptFeed(workload.script);
  const queue = new EventQueue();
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
    feed.taken(queue, state, contact, queue.topB, queue.topTime);
    if (seen[contact] === 0) {
      seen[contact] = 1;
      queue.push(queue.topTime + DAY_MS, TIMER, contact, 0);
    }
  }
  const ms = nowMs() - t0;
  keepAlive('bare-heap', { feed, queue, state });
  return { contacts: workload.contacts, events, ms, eventsPerSec: (events / ms) * 1000 };
}
