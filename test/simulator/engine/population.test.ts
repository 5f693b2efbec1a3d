import { describe, expect, it } from 'vitest';
import { traceEntries } from '../../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import { harness, ms, type HarnessRun, type PopulationInput } from '../../harness/simulationHarness.ts';
import { ALL_EXITS, exitOn, followUpWorkflow } from '../../harness/workflowFixtures.ts';

/** The template's events: texts name them, so each generated event can be traced to its template. */
const TEMPLATE = [
  { text: 'Hi, is anyone there?', at: '+0' },
  { text: 'Alice here', at: '+6h' },
  { text: 'Still there?', at: '+8h' },
] as const;
const BASE = new Map<string, number>(TEMPLATE.map((event) => [event.text, ms(event.at)]));

function population(population: PopulationInput): HarnessRun {
  return harness(followUpWorkflow(exitOn([...ALL_EXITS])))
    .contact('lead', { name: 'Lead' })
    .at('+0')
    .contactSays(TEMPLATE[0].text)
    .at('+6h')
    .agentSays('alice', TEMPLATE[1].text)
    .at('+8h')
    .contactSays(TEMPLATE[2].text)
    .population(population)
    .run();
}

const eventsOf = (result: HarnessRun): TraceEntry[] => result.entries({ kind: 'event' });

describe('Population scripts', () => {
  it('runs the first contact’s events for N generated contacts, named lead#1 … lead#N', () => {
    const result = population({ contacts: 50, jitter: '1h', seed: 7 });
    const contacts = new Set(eventsOf(result).map((e) => e.contact));
    expect([...contacts].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `lead#${i + 1}`).sort());
    for (const contact of contacts) expect(eventsOf(result).filter((e) => e.contact === contact)).toHaveLength(TEMPLATE.length);
    expect(new Set(result.runs().map((r) => r.contact))).toEqual(contacts);
  });

  it('each generated contact has its own name and its own runs', () => {
    const result = population({ contacts: 3, jitter: '0s', seed: 1 });
    expect(result.sent('lead#2')[0]).toBe('Thanks for writing, Lead 2!');
    expect(result.runsOf('Follow-up', 'lead#3').map((r) => [r.contact, r.status, r.reason, r.startedAt])).toEqual([
      ['lead#3', 'stopped', 'outgoing_message', 0],
      ['lead#3', 'completed', undefined, ms('+8h')],
    ]);
  });

  it('without jitter every contact plays the template at its exact times, contacts in order', () => {
    const result = population({ contacts: 20, jitter: '0s', seed: 3 });
    for (const event of eventsOf(result)) expect(event.t).toBe(BASE.get(event.text ?? ''));
    expect(eventsOf(result).filter((e) => e.t === 0).map((e) => e.contact)).toEqual(Array.from({ length: 20 }, (_, i) => `lead#${i + 1}`));
  });

  it('shifts every event by a seeded offset within [0, jitter]', () => {
    const jitter = ms('+2h');
    const result = population({ contacts: 300, jitter: '2h', seed: 42 });
    const shifts = eventsOf(result).map((e) => e.t - (BASE.get(e.text ?? '') as number));
    for (const shift of shifts) {
      expect(shift).toBeGreaterThanOrEqual(0);
      expect(shift).toBeLessThanOrEqual(jitter);
    }
    // Really jittered: spread over the whole window, not a handful of values.
    expect(new Set(shifts).size).toBeGreaterThan(shifts.length / 2);
    expect(Math.max(...shifts)).toBeGreaterThan(jitter * 0.9);
    expect(Math.min(...shifts)).toBeLessThan(jitter * 0.1);
  });

  it('keeps each contact’s events in the template’s order, whatever the jitter draws', () => {
    // A jitter far longer than the gaps (6 h, 2 h): drawn on their own, an agent's answer would often come first.
    const run = () => population({ contacts: 300, jitter: '2d', seed: 42 });
    const result = run();
    const byContact = new Map<string, TraceEntry[]>();
    for (const event of eventsOf(result)) byContact.set(event.contact, [...(byContact.get(event.contact) ?? []), event]);
    expect(byContact.size).toBe(300);
    for (const events of byContact.values()) {
      expect(events.map((e) => e.text)).toEqual(TEMPLATE.map((event) => event.text));
      const times = events.map((e) => e.t);
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    // The gaps still vary from contact to contact (else every contact would meet the same fate).
    const answerDelays = [...byContact.values()].map((events) => (events[1] as TraceEntry).t - (events[0] as TraceEntry).t);
    expect(new Set(answerDelays).size).toBeGreaterThan(250);
    expect(eventsOf(run()).map((e) => [e.contact, e.t, e.text])).toEqual(eventsOf(result).map((e) => [e.contact, e.t, e.text]));
  });

  it('keeps the order of a long template (more events than a packed order holds) and of one written out of time order', () => {
    const texts = Array.from({ length: 12 }, (_, i) => `message ${i + 1}`);
    // Listed last-first in the file: the template's order is its times', as for a listed contact.
    let h = harness(followUpWorkflow(exitOn(['incoming_message']))).contact('lead', { name: 'Lead' });
    for (let i = texts.length - 1; i >= 0; i--) h = h.at(`+${i}h`).contactSays(texts[i] as string);
    const result = h.population({ contacts: 100, jitter: '3d', seed: 8 }).run();
    const byContact = new Map<string, string[]>();
    for (const event of eventsOf(result)) byContact.set(event.contact, [...(byContact.get(event.contact) ?? []), event.text ?? '']);
    expect(byContact.size).toBe(100);
    for (const events of byContact.values()) expect(events).toEqual(texts);
  });

  it('is deterministic for a seed and different for another seed', () => {
    const a = population({ contacts: 100, jitter: '3h', seed: 42 });
    const b = population({ contacts: 100, jitter: '3h', seed: 42 });
    const c = population({ contacts: 100, jitter: '3h', seed: 43 });
    expect(b.json()).toBe(a.json());
    expect(b.hash()).toBe(a.hash());
    expect(b.runs()).toEqual(a.runs());
    expect(c.hash()).not.toBe(a.hash());
    expect(eventsOf(c).map((e) => [e.contact, e.t])).not.toEqual(eventsOf(a).map((e) => [e.contact, e.t]));
  });

  it('processes the events of each contact, and of all contacts, in time order', () => {
    const result = population({ contacts: 300, jitter: '3h', seed: 5 });
    const times = result.trace.map((e) => e.t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const byContact = new Map<string, number[]>();
    for (const event of eventsOf(result)) byContact.set(event.contact, [...(byContact.get(event.contact) ?? []), event.t]);
    for (const contactTimes of byContact.values()) expect(contactTimes).toEqual([...contactTimes].sort((x, y) => x - y));
  });

  it('a contact’s timers interleave with its own jittered events in time order', () => {
    const result = population({ contacts: 200, jitter: '1d', seed: 11 });
    for (const stop of result.entries({ kind: 'run.stopped' })) {
      const trigger = result.entries((e) => e.kind === 'run.started' && e.run === stop.run)[0] as TraceEntry;
      expect(stop.t).toBeGreaterThanOrEqual(trigger.t);
      // A run stopped after its 24h timer was due would have sent the follow-up first: it did not.
      expect(stop.t).toBeLessThanOrEqual(trigger.t + ms('+24h'));
      expect(result.entries((e) => e.kind === 'message.sent' && e.run === stop.run && e.text === 'Still interested?')).toEqual([]);
    }
  });

  it('handles a large population from a three-event script without copying the script per contact', () => {
    const h = harness(followUpWorkflow(exitOn(['incoming_message'])))
      .contact('lead', { name: 'Lead' })
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .agentSays('alice', 'Hello')
      .at('+2h')
      .contactSays('Thanks')
      .population({ contacts: 20_000, jitter: '30m', seed: 9 });
    const { simulation, script } = h.prepare();
    simulation.runToEnd();
    expect(script.events).toHaveLength(3);
    const events = new Map<string, number>();
    const stops = new Map<string, number>();
    for (const entry of traceEntries(simulation)) {
      if (entry.kind === 'event') events.set(entry.event ?? '', (events.get(entry.event ?? '') ?? 0) + 1);
      if (entry.kind === 'run.stopped') stops.set(entry.reason ?? '', (stops.get(entry.reason ?? '') ?? 0) + 1);
    }
    expect(Object.fromEntries(events)).toEqual({ 'contact.message': 40_000, 'agent.message': 20_000 });
    // Every contact's +2h message stops the run its +0 message started (the agent message is not selected).
    expect(Object.fromEntries(stops)).toEqual({ incoming_message: 20_000 });
    expect(simulation.hasPending()).toBe(false);
  }, 60_000);
});

describe('a population replayed (the simulator’s playback, which simulates again to move through time)', () => {
  const h = harness(followUpWorkflow(exitOn([...ALL_EXITS])))
    .contact('lead', { name: 'Lead' })
    .at('+0')
    .contactSays('Hi')
    .at('+6h')
    .agentSays('alice', 'Hello')
    .at('+8h')
    .contactSays('Still there?')
    .population({ contacts: 2_000, jitter: '2d', seed: 3 });

  it('plays the same run in steps and reads the same entries, without a trace of its own', () => {
    const { simulation: finished, script, workflows } = h.prepare();
    finished.runToEnd();
    const prepared = prepareSimulation({ workflows, script, replays: finished.trace });
    if (!prepared.ok) throw new Error('prepares');
    const replay = prepared.simulation;
    // Forward in the pieces playback moves by: a stretch of time, single steps, then the rest.
    replay.runUntil(ms('+1d'));
    const halfway = [...traceEntries(replay)];
    for (let i = 0; i < 100; i++) replay.step();
    replay.runToEnd();
    expect(halfway).toEqual([...traceEntries(finished, 0, halfway.length)]);
    expect([...traceEntries(replay)]).toEqual([...traceEntries(finished)]);
    expect(replay.runs.length).toBe(finished.runs.length);
    expect(replay.trace.byteSize()).toBe(0);
  });

  it('refuses to replay a finished run of other inputs: it throws where they first part', () => {
    const { simulation: finished, script } = h.prepare();
    finished.runToEnd();
    const other = prepareSimulation({ workflows: [followUpWorkflow(exitOn(['incoming_message']))], script, replays: finished.trace });
    if (!other.ok) throw new Error('prepares');
    expect(() => other.simulation.runToEnd()).toThrow(/differs from the one it replays at trace entry \d+/);
  });
});

