import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpectations } from '../../../simulator/engine/expectations.ts';
import { runStates, traceEntries } from '../../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { nextTimeOfDay } from '../../../simulator/engine/zonedTime.ts';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { scriptSchema, type Script } from '../../../simulator/schema/script.ts';
import { harness } from '../../harness/simulationHarness.ts';
import { buildWorkflow, everySecondWorkflow, followUpWorkflow, noExits, questionWorkflow, steps } from '../../harness/workflowFixtures.ts';

/** Regressions of issue 13: inputs the schemas allowed that broke the engine. */

const START = '2026-01-05T09:00:00Z';

function script(body: Record<string, unknown>): Script {
  return scriptSchema.parse({ format: 'exitflow.script/1', name: 'hostile', start: START, ...body });
}

describe('a user far down the list (item 1)', () => {
  // The script schema now refuses more than 10,000 users; the engine must hold even when a
  // caller skips the schema, so this builds the script object by hand.
  it('a restricted agent at index 40,000 cannot stop a Workflow', () => {
    const users = Array.from({ length: 40_000 }, (_, i) => ({ id: `u${i}`, name: `U${i}`, role: 'agent' as const, restricted: false }));
    users.push({ id: 'rita', name: 'Rita', role: 'agent', restricted: true });
    const base = script({ contacts: [{ id: 'dana' }], events: [] });
    const hostile: Script = {
      ...base,
      users,
      events: [
        { at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' },
        { at: '+1m', contact: 'dana', type: 'workflow.stop', user: 'rita', workflow: 'Follow-up' },
      ],
    };
    const sim = new Simulation({ workflows: [followUpWorkflow(noExits(true))], script: hostile }).runToEnd();
    const runs = runStates(sim);
    expect(runs.map((run) => run.status)).toEqual(['completed']);
    const refused = [...traceEntries(sim)].find((entry) => entry.kind === 'stop.refused');
    expect(refused).toMatchObject({ reason: 'restricted_user', user: 'rita' });
  });
});

describe('the event queue and the clock (items 2, 3)', () => {
  it('runs to the end when asked to run until an infinite time on an empty queue', () => {
    const prepared = prepareSimulation({ workflows: [followUpWorkflow()], script: script({ contacts: [{ id: 'dana' }], events: [] }) });
    if (!prepared.ok) throw new Error('prepare');
    expect(prepared.simulation.runUntil(Infinity)).toBe(true);
    expect(prepared.simulation.hasPending()).toBe(false);
  });

  it('refuses a simulation end beyond ten years, with the limit', () => {
    const prepared = prepareSimulation({ workflows: [followUpWorkflow()], script: script({ contacts: [{ id: 'dana' }], events: [] }), until: 200_000_000 * 86_400_000 });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.problems[0]?.message).toMatch(/between \+0 and \+3650d/);
  });

  it('plays every scripted event without an end given, also after a year: the horizon reaches the last event', () => {
    const far = script({
      contacts: [{ id: 'dana' }],
      events: [
        { at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' },
        { at: '+400d', contact: 'dana', type: 'contact.message', text: 'Still there?' },
        { at: '+3650d', contact: 'dana', type: 'contact.message', text: 'Ten years on' },
      ],
    });
    const sim = new Simulation({ workflows: [followUpWorkflow(noExits(true))], script: far }).runToEnd();
    const texts = [...traceEntries(sim)].filter((entry) => entry.kind === 'event').map((entry) => entry.text);
    // Before, the year's horizon dropped the last two without a word.
    expect(texts).toEqual(['hi', 'Still there?', 'Ten years on']);
    expect(sim.until).toBe(3650 * 86_400_000);
    // A population's events land up to its jitter after their template's time.
    const population = script({ contacts: [{ id: 'dana' }], events: [{ at: '+364d', contact: 'dana', type: 'contact.message', text: 'late' }], population: { contacts: 50, jitter: '30d', seed: 1 } });
    const played = new Simulation({ workflows: [followUpWorkflow(noExits(true))], script: population }).runToEnd();
    expect([...traceEntries(played)].filter((entry) => entry.kind === 'event')).toHaveLength(50);
    // An end that is given is kept: what comes after it is not played.
    const cut = new Simulation({ workflows: [followUpWorkflow(noExits(true))], script: far, until: 30 * 86_400_000 }).runToEnd();
    expect([...traceEntries(cut)].filter((entry) => entry.kind === 'event')).toHaveLength(1);
  });

  it('a Wait until a time of day in Europe/Berlin near the horizon fires without a crash', () => {
    const waitUntil = buildWorkflow({
      id: 'night',
      name: 'Night',
      steps: [steps.wait('wait', '3649d', 'Long'), steps.waitUntil('nine', '09:00', 'Until 9'), steps.send('hello', 'Morning')],
      edges: ['trigger>wait', 'wait>nine', 'nine>hello'],
    });
    const run = harness(waitUntil).timezone('Europe/Berlin').until('+3650d').at('+0').contactSays('hi').run();
    expect(run.runs().map((r) => r.status)).toEqual(['completed']);
  });
});

describe('a cap on work (item 4)', () => {
  it('a Workflow that loops every second stops short at the trace cap, saying where', () => {
    const base = script({ contacts: [{ id: 'dana' }], events: [{ at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' }] });
    const prepared = prepareSimulation({ workflows: [everySecondWorkflow()], script: base, maxTraceEntries: 10_000 });
    if (!prepared.ok) throw new Error('prepare');
    const sim = prepared.simulation.runToEnd();
    expect(sim.stoppedShort).toMatchObject({ reason: 'trace_limit' });
    expect(sim.trace.length).toBeGreaterThanOrEqual(10_000);
    expect(sim.trace.length).toBeLessThan(10_100);
    expect(sim.stoppedShort?.at).toBeGreaterThan(0);
    expect(sim.hasPending()).toBe(false);
    // Asking again does nothing more.
    expect(sim.runUntil(30 * 86_400_000)).toBe(false);
    expect(sim.trace.length).toBeLessThan(10_100);
  });

  it('a simulation that ends exactly at the cap, with only a stopped run\'s timer left queued, is not cut short', () => {
    const base = harness(followUpWorkflow({ manualStop: false, exitConditions: { enabled: true, on: ['incoming_message'] } }))
      .at('+0')
      .contactSays('hi')
      .at('+1h')
      .contactSays('again')
      .script();
    const workflows = [followUpWorkflow({ manualStop: false, exitConditions: { enabled: true, on: ['incoming_message'] } })];
    const whole = prepareSimulation({ workflows, script: base });
    if (!whole.ok) throw new Error('prepare');
    const length = whole.simulation.runToEnd().trace.length;
    const atCap = prepareSimulation({ workflows, script: base, maxTraceEntries: length });
    if (!atCap.ok) throw new Error('prepare');
    const sim = atCap.simulation.runToEnd();
    expect(sim.trace.length).toBe(length);
    expect(sim.stoppedShort).toBeNull();
    // A cap reached before the reply is played, and it is.
    const under = prepareSimulation({ workflows, script: base, maxTraceEntries: 3 });
    if (!under.ok) throw new Error('prepare');
    expect(under.simulation.runToEnd().stoppedShort).toMatchObject({ reason: 'trace_limit' });
  });

  it('runUntil with a budget stops at the instant it reached, and goes on from there', () => {
    const base = script({ contacts: [{ id: 'dana' }], events: [{ at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' }] });
    const prepared = prepareSimulation({ workflows: [everySecondWorkflow()], script: base });
    if (!prepared.ok) throw new Error('prepare');
    const sim = prepared.simulation;
    expect(sim.runUntil(86_400_000, 500)).toBe(false);
    const stoppedAt = sim.now;
    expect(stoppedAt).toBeLessThan(86_400_000);
    expect(sim.trace.length).toBeLessThan(520);
    expect(sim.runUntil(stoppedAt + 10_000)).toBe(true);
    expect(sim.now).toBe(stoppedAt + 10_000);
  });
});

describe('expectations in linear time (item 5)', () => {
  it('a status expectation failing for every contact of a population reads the trace once', () => {
    const sim = harness(followUpWorkflow())
      .population({ contacts: 500 })
      .at('+0')
      .contactSays('hi')
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped' })
      .prepare();
    const run = sim.simulation.runToEnd();
    let reads = 0;
    const log = run.trace;
    const runAt = log.runAt.bind(log);
    log.runAt = (row: number) => {
      reads++;
      return runAt(row);
    };
    const [result] = checkExpectations(run, sim.script);
    expect(result).toMatchObject({ passed: false, failedContacts: 500 });
    expect(result?.traceSeq).toBeGreaterThanOrEqual(0);
    // Before: each failing contact scanned the trace (500 × trace length).
    expect(reads).toBeLessThanOrEqual(log.length);
  });
});

describe('Workflows past the trace column (item 7)', () => {
  it('refuses more Workflows than the trace can tell apart', () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...followUpWorkflow(), id: `w${i}`, name: `W${i}` }));
    const prepared = prepareSimulation({ workflows: many, script: script({ contacts: [{ id: 'dana' }], events: [] }) });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.problems[0]).toMatchObject({ path: '$', message: 'At most 1,000 Workflows can be simulated together (1,001 given)' });
  });

  it('refuses a population × Workflows that the contact table cannot hold, at once and with its path (it hung filling 8 GB)', () => {
    const many = Array.from({ length: 999 }, (_, i) => ({ ...followUpWorkflow(), id: `w${i}`, name: `W${i}` }));
    const population = script({
      contacts: [{ id: 'lead' }],
      events: [{ at: '+0', contact: 'lead', type: 'contact.message', text: 'hi' }],
      population: { contacts: 1_000_000, jitter: '90s', seed: 1 },
    });
    const started = performance.now();
    const prepared = prepareSimulation({ workflows: many, script: population });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok)
      expect(prepared.problems).toContainEqual({
        source: 'script',
        index: 0,
        path: '$.population.contacts',
        message: '1,000,000 contacts × 999 Workflows is more than the 20,000,000 contact–Workflow pairs one simulation holds: simulate fewer Workflows together, or fewer contacts',
      });
    // At the limit it is taken: 20,000 contacts × 1,000 Workflows.
    const atLimit = script({ contacts: [{ id: 'lead' }], events: [], population: { contacts: 20_000, jitter: '0s', seed: 1 } });
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ ...followUpWorkflow(), id: `w${i}`, name: `W${i}` }));
    expect(prepareSimulation({ workflows: thousand, script: atLimit }).ok).toBe(true);
  });

  it('names the 1,000th Workflow right in its trace entries', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...followUpWorkflow(), id: `w${i}`, name: `W${i}` }));
    const base = script({ contacts: [{ id: 'dana' }], events: [{ at: '+0', contact: 'dana', type: 'contact.message', text: 'hi' }] });
    const prepared = prepareSimulation({ workflows: many, script: base, until: 60_000 });
    if (!prepared.ok) throw new Error('prepare');
    const sim = prepared.simulation.runToEnd();
    const sent = [...traceEntries(sim)].filter((entry) => entry.kind === 'message.sent');
    expect(sent).toHaveLength(1000);
    expect(sent.at(-1)?.workflow).toBe('w999');
  });
});

describe('the answer belongs to its run (item 12, rule 5 of a stop)', () => {
  const askThenThank = (afterAnswer: 'end' | 'wait') =>
    buildWorkflow({
      id: 'ask',
      name: 'Ask once',
      steps: [
        steps.ask('ask', 'What do you need?', 'need', undefined, 'Ask'),
        steps.send('thanks', 'Thanks', 'Thanks'),
        ...(afterAnswer === 'wait' ? [steps.wait('wait', '1h', 'Wait 1h')] : []),
      ],
      edges: ['trigger>ask', 'ask:answered>thanks', ...(afterAnswer === 'wait' ? ['thanks>wait'] : [])],
    });

  it('a reply that answers the question and completes the run does not ask the question again', () => {
    const run = harness(askThenThank('end')).at('+0').contactSays('hi').at('+1m').contactSays('a demo').run();
    expect(run.runs().map((r) => r.status)).toEqual(['completed']);
    expect(run.entries({ kind: 'trigger.ignored' })).toMatchObject([{ t: 60_000, reason: 'answered_by_this_event' }]);
    expect(run.entries({ kind: 'message.sent' })).toHaveLength(2);
  });

  it('the next message, in another instant, starts a run again', () => {
    const run = harness(askThenThank('end')).at('+0').contactSays('hi').at('+1m').contactSays('a demo').at('+2m').contactSays('me again').run();
    expect(run.runs().map((r) => r.status)).toEqual(['completed', 'active']);
  });

  it('property: no run of a Workflow starts in the event in which a run of it took an answer', () => {
    const event = fc.record({ minute: fc.integer({ min: 0, max: 120 }), text: fc.constantFrom('hi', 'yes', 'a demo') });
    fc.assert(
      fc.property(fc.constantFrom<'end' | 'wait'>('end', 'wait'), fc.boolean(), fc.array(event, { minLength: 1, maxLength: 12 }), (after, withQuestion, events) => {
        let h = harness(askThenThank(after), ...(withQuestion ? [questionWorkflow(noExits(), { timeout: null })] : []));
        for (const { minute, text } of events) h = h.at(`+${minute}m`).contactSays(text);
        const trace = h.run().trace;
        let answered = new Set<string>();
        for (const entry of trace) {
          if (entry.kind === 'event') answered = new Set();
          if (entry.kind === 'question.answered') answered.add(entry.workflow as string);
          if (entry.kind === 'run.started') expect(answered.has(entry.workflow as string)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the minor ones (item 13)', () => {
  it('an acyclic chain of 2,000 Send steps fails at the runaway guard, which says what it saw', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => steps.send(`s${i}`, `Message ${i}`));
    const workflow = buildWorkflow({ id: 'chain', name: 'Chain', steps: chain, edges: ['trigger>s0', ...chain.slice(1).map((_, i) => `s${i}>s${i + 1}`)] });
    const run = harness(workflow).at('+0').contactSays('hi').run();
    const failed = run.entry({ kind: 'run.failed' });
    expect(failed.reason).toBe('loop');
    const sentence = describeEntry(failed, traceNames(run.simulation));
    expect(sentence).toContain('1,000 steps in one instant without virtual time advancing');
    expect(sentence).not.toMatch(/\(a loop\)$/);
  });

  it('"Wait until 02:30" on the night clocks go back fires at the first 02:30', () => {
    // Europe/Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    const first = nextTimeOfDay(Date.parse('2026-10-24T22:00:00Z'), 150, 'Europe/Berlin');
    expect(new Date(first).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // From between the two, the second one is next.
    expect(new Date(nextTimeOfDay(Date.parse('2026-10-25T00:45:00Z'), 150, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // A wall time that never happens (clocks go forward past it) is taken an hour later.
    expect(new Date(nextTimeOfDay(Date.parse('2026-03-29T00:00:00Z'), 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
