import type { Script, ScriptContact, ScriptEvent } from '../schema/script.ts';
import { parseDuration } from '../schema/duration.ts';
import { EXTERNAL, type EventQueue } from './eventQueue.ts';
import { randomAt } from './random.ts';

/**
 * Feeds a script's events into the queue. A plain script's events are queued at once, sorted
 * stably by time, so events at one instant keep their scripted order. A population script
 * (`population`) plays its first contact's events for N generated contacts: each contact holds
 * one queued event at a time, and its next one is computed from the seeded jitter when that one
 * is taken — nothing of size N × events is ever built.
 */
export class ScriptFeed {
  readonly contactCount: number;
  readonly isPopulation: boolean;
  private readonly contactIndex = new Map<string, number>();
  /** Population: the template's events (indexes into `script.events`) and their offsets. */
  private readonly templateEvents: number[] = [];
  private readonly templateTimes: number[] = [];
  private readonly jitterSeconds: number;
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
      script.events.forEach((event, i) => {
        if (event.contact !== template) return;
        this.templateEvents.push(i);
        this.templateTimes.push(parseDuration(event.at) as number);
      });
    }
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

  /** The contact index for a script contact id (for a population: the template, index -1). */
  indexOf(contactId: string): number {
    return this.contactIndex.get(contactId) ?? -1;
  }

  /** The event a queue entry's payload names. */
  event(payload: number): ScriptEvent {
    const index = this.isPopulation ? (this.templateEvents[payload] as number) : payload;
    return this.script.events[index] as ScriptEvent;
  }

  /** Queues the first events. */
  start(queue: EventQueue): void {
    if (!this.isPopulation) {
      const order = this.script.events.map((event, i) => ({ i, t: parseDuration(event.at) as number }));
      order.sort((x, y) => x.t - y.t || x.i - y.i);
      for (const { i, t } of order) {
        queue.push(t, EXTERNAL, this.contactIndex.get((this.script.events[i] as ScriptEvent).contact) as number, i);
      }
      return;
    }
    for (let contact = 0; contact < this.contactCount; contact++) this.queueAfter(queue, contact, -1, -1);
  }

  /** After a contact's event was taken from the queue, queues that contact's next one. */
  taken(queue: EventQueue, contact: number, payload: number, time: number): void {
    if (this.isPopulation) this.queueAfter(queue, contact, time, payload);
  }

  private queueAfter(queue: EventQueue, contact: number, afterTime: number, afterIndex: number): void {
    let bestTime = Infinity;
    let best = -1;
    for (let k = 0; k < this.templateEvents.length; k++) {
      const time = this.jitteredTime(contact, k);
      const later = time > afterTime || (time === afterTime && k > afterIndex);
      if (later && (time < bestTime || (time === bestTime && k < best))) {
        bestTime = time;
        best = k;
      }
    }
    if (best >= 0) queue.push(bestTime, EXTERNAL, contact, best);
  }

  private jitteredTime(contact: number, k: number): number {
    const base = this.templateTimes[k] as number;
    if (this.jitterSeconds === 0) return base;
    return base + Math.floor(randomAt(this.seed, contact, k) * (this.jitterSeconds + 1)) * 1000;
  }
}
