import { isContactEvent, type Script, type ScriptContact, type ScriptEvent } from '../schema/script.ts';
import { parseDuration } from '../schema/duration.ts';
import { EXTERNAL, type Schedule } from './eventQueue.ts';
import { randomAt } from './random.ts';

/** Where the feed keeps each contact's place in its events: its order, packed, and a cursor. */
export interface FeedState {
  feedOrder(contact: number): number;
  setFeedOrder(contact: number, order: number): void;
  /** Moves the contact's cursor on by one and returns it. */
  advanceFeed(contact: number): number;
}

/** Template events whose per-contact order of times fits in one packed Uint32 (4 bits each). */
const ORDER_SLOTS = 8;

/**
 * Feeds a script's events into the queue. A plain script's events are queued at once, sorted
 * stably by time, so events at one instant keep their scripted order. A population script
 * (`population`) plays its first contact's events for N generated contacts: each contact holds
 * one queued event at a time, and its next one is computed from the seeded jitter when that one
 * is taken — nothing of size N × events is ever built.
 *
 * A generated contact's events keep the template's order: each template event draws its own
 * seeded offset in [0, jitter], and the contact's shifted times, sorted, are handed to its events
 * in order. Each event still lands within [0, jitter] of its template time (the k-th smallest of
 * the shifted times lies between the k-th template time and that time plus the jitter), the gaps
 * between events still vary from contact to contact, and an agent never answers a message the
 * contact has not yet written — which offsets applied event by event made happen.
 */
export class ScriptFeed {
  readonly contactCount: number;
  readonly isPopulation: boolean;
  private readonly contactIndex = new Map<string, number>();
  /** Population: the template's events (indexes into `script.events`) and their offsets, in time order (ties as scripted). */
  private readonly templateEvents: number[] = [];
  private readonly templateTimes: number[] = [];
  private readonly jitterSeconds: number;
  /**
   * With more template events than ORDER_SLOTS: each contact's order of drawn times (which draw is
   * the contact's first time, second time…), `count` slots per contact
   * (the script schema keeps contacts × events within LIMITS.populationEvents), so taking an event
   * finds the next one at once instead of scanning every template event.
   */
  private order: Int32Array | null = null;
  private readonly seed: number;

  constructor(private readonly script: Script) {
    const population = script.population;
    this.isPopulation = population !== undefined;
    this.contactCount = population ? population.contacts : script.contacts.length;
    script.contacts.forEach((contact, i) => this.contactIndex.set(contact.id, i));
    this.jitterSeconds = population ? Math.floor((parseDuration(population.jitter) ?? 0) / 1000) : 0;
    this.seed = population?.seed ?? 0;
    if (population) {
      const template = script.contacts[0]?.id;
      const events = script.events.flatMap((event, i) => (isContactEvent(event) && event.contact === template ? [{ i, t: parseDuration(event.at) as number }] : []));
      events.sort((x, y) => x.t - y.t || x.i - y.i);
      for (const { i, t } of events) {
        this.templateEvents.push(i);
        this.templateTimes.push(t);
      }
    }
  }


  /**
   * The latest instant an event of the script can happen at, ms from the start: its latest
   * offset, plus a population's jitter (a bound: each generated event lands within the jitter of
   * its template's time); 0 without events.
   */
  lastEventTime(): number {
    let last = 0;
    for (const event of this.script.events) last = Math.max(last, parseDuration(event.at) ?? 0);
    return last + this.jitterSeconds * 1000;
  }

  /** The index in the script's `contacts` of the contact a (generated) contact is made from. */
  templateIndex(contact: number): number {
    return this.isPopulation ? 0 : contact;
  }

  /** The script contact a (generated) contact is made from. */
  template(contact: number): ScriptContact {
    return this.script.contacts[this.templateIndex(contact)] as ScriptContact;
  }

  /** Generated contacts are named after the template: `dana#1`, `dana#2`… */
  contactId(contact: number): string {
    const template = this.template(contact);
    return this.isPopulation ? `${template.id}#${contact + 1}` : template.id;
  }

  contactName(contact: number): string {
    const template = this.template(contact);
    const name = template.name || template.id;
    return this.isPopulation ? `${name} ${contact + 1}` : name;
  }

  /** The contact index for a contact id as `contactId` gives it (`lead#3` in a population); -1 when none. */
  contactOf(contactId: string): number {
    if (!this.isPopulation) return this.indexOf(contactId);
    const hash = contactId.lastIndexOf('#');
    const n = hash < 0 ? Number.NaN : Number(contactId.slice(hash + 1));
    return Number.isInteger(n) && n >= 1 && n <= this.contactCount && this.contactId(n - 1) === contactId ? n - 1 : -1;
  }

  /** The contact index for a script contact id (for a population: the template, index -1). */
  indexOf(contactId: string): number {
    return this.contactIndex.get(contactId) ?? -1;
  }

  /** The index in the script's `events` of the event a queue entry's payload names. */
  eventIndex(payload: number): number {
    return this.isPopulation ? (this.templateEvents[payload] as number) : payload;
  }

  /** The event a queue entry's payload names. */
  event(payload: number): ScriptEvent {
    return this.script.events[this.eventIndex(payload)] as ScriptEvent;
  }

  /**
   * Queues the first events; `state` keeps each contact's place in its events. With `plays`, only
   * the contacts it marks 1 (see SimulationInput.plays), each queued as it would be among all.
   */
  start(queue: Schedule, state: FeedState, plays?: Uint8Array): void {
    if (!this.isPopulation) {
      // A publish concerns no one contact: the simulation queues it itself (see Simulation).
      const order = this.script.events.flatMap((event, i) => (isContactEvent(event) ? [{ i, t: parseDuration(event.at) as number, contact: event.contact }] : []));
      order.sort((x, y) => x.t - y.t || x.i - y.i);
      for (const { i, t, contact } of order) {
        const index = this.contactIndex.get(contact) as number;
        if (plays === undefined || plays[index] === 1) queue.push(t, EXTERNAL, index, i);
      }
      return;
    }
    const count = this.templateEvents.length;
    if (count === 0) return;
    if (count > ORDER_SLOTS) {
      const order = new Int32Array(this.contactCount * count);
      const times = new Float64Array(count);
      const byTime = (x: number, y: number) => (times[x] as number) - (times[y] as number) || x - y;
      for (let contact = 0; contact < this.contactCount; contact++) {
        if (plays !== undefined && plays[contact] !== 1) continue;
        for (let k = 0; k < count; k++) times[k] = this.jitteredTime(contact, k);
        const slots = order.subarray(contact * count, (contact + 1) * count);
        for (let k = 0; k < count; k++) slots[k] = k;
        slots.sort(byTime);
        queue.push(times[slots[0] as number] as number, EXTERNAL, contact, 0);
      }
      this.order = order;
      return;
    }
    // Each contact's order of drawn times, computed once: 4 bits per template event, packed.
    const times = new Float64Array(count);
    const slots = new Int32Array(count);
    for (let contact = 0; contact < this.contactCount; contact++) {
      if (plays !== undefined && plays[contact] !== 1) continue;
      for (let k = 0; k < count; k++) {
        times[k] = this.jitteredTime(contact, k);
        let j = k;
        // Insertion sort of the draws by time (equal times play in event order either way).
        while (j > 0 && (times[slots[j - 1] as number] as number) > (times[k] as number)) {
          slots[j] = slots[j - 1] as number;
          j--;
        }
        slots[j] = k;
      }
      let packed = 0;
      for (let j = count - 1; j >= 0; j--) packed = packed * 16 + (slots[j] as number);
      state.setFeedOrder(contact, packed);
      queue.push(times[slots[0] as number] as number, EXTERNAL, contact, 0);
    }
  }

  /** After a contact's event was taken from the queue, queues that contact's next one, at its next time. */
  taken(queue: Schedule, state: FeedState, contact: number): void {
    if (!this.isPopulation) return;
    const count = this.templateEvents.length;
    const next = state.advanceFeed(contact);
    if (next >= count) return;
    const draw = this.order === null ? (state.feedOrder(contact) >>> (4 * next)) & 15 : (this.order[contact * count + next] as number);
    queue.push(this.jitteredTime(contact, draw), EXTERNAL, contact, next);
  }

  /** Template event k's time shifted by the contact's k-th seeded draw. */
  private jitteredTime(contact: number, k: number): number {
    const base = this.templateTimes[k] as number;
    if (this.jitterSeconds === 0) return base;
    return base + Math.floor(randomAt(this.seed, contact, k) * (this.jitterSeconds + 1)) * 1000;
  }
}
