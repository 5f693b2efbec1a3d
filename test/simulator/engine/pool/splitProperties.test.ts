// Over generated scripts — several Workflows that stop, pause, ask, loop and start each other,
// listed contacts or a population, events sharing instants with each other and with timers —
// and any partition of the contacts into shares, the merged parts give the plain engine's trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactCountOf } from '../../../../simulator/engine/pool/contactShares.ts';
import { mergeParts } from '../../../../simulator/engine/pool/mergeParts.ts';
import { playPart } from '../../../../simulator/engine/pool/poolPart.ts';
import { Simulation, type SimulationInput } from '../../../../simulator/engine/simulation.ts';
import { parseDuration } from '../../../../simulator/schema/duration.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { harness, type EventBody } from '../../../harness/simulationHarness.ts';
import {
  ALL_EXITS,
  chainWorkflows,
  followUpWorkflow,
  loopWorkflow,
  nurtureWorkflow,
  pauseOn,
  questionWorkflow,
  routingWorkflow,
  tagTriggerWorkflow,
  type SettingsInput,
} from '../../../harness/workflowFixtures.ts';
import { outcome } from './examples.ts';

const NUM_RUNS = 120;
const TIMEOUT = 120_000;

const settingsArb: fc.Arbitrary<SettingsInput> = fc.oneof(
  fc.subarray([...ALL_EXITS], { minLength: 1 }).chain((on) => fc.boolean().map((manualStop) => ({ manualStop, exitConditions: { enabled: true, on } }))),
  fc.constant(pauseOn(['outgoing_message', 'manual_assignment'], { resume: { on: 'silence', after: '1h' } })),
  fc.constant<SettingsInput>({ manualStop: true, exitConditions: { enabled: false, on: [] } }),
);

const FIXTURES: readonly ((settings: SettingsInput) => Workflow[])[] = [
  (settings) => [followUpWorkflow(settings)],
  (settings) => [questionWorkflow(settings)],
  (settings) => [routingWorkflow(settings)],
  (settings) => [loopWorkflow(settings)],
  (settings) => [nurtureWorkflow(settings)],
  (settings) => chainWorkflows(settings),
  (settings) => [tagTriggerWorkflow('done', 'added', settings)],
];

const workflowsArb: fc.Arbitrary<Workflow[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: FIXTURES.length - 1 }), { minLength: 1, maxLength: 3 })
  .chain((picked) => fc.tuple(...picked.map((i) => settingsArb.map((settings) => (FIXTURES[i] as (s: SettingsInput) => Workflow[])(settings)))))
  .map((lists) => lists.flat());

function bodyArb(workflowIds: readonly string[]): fc.Arbitrary<EventBody> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Hi', 'pricing', 'Still there?').map((text): EventBody => ({ type: 'contact.message', text })) },
    { weight: 2, arbitrary: fc.constant<EventBody>({ type: 'agent.message', user: 'alice', text: 'Alice here' }) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'assign', user: 'alice', to: 'bob' }, { type: 'assign', to: 'bob' }, { type: 'unassign' }) },
    { weight: 1, arbitrary: fc.record({ user: fc.constantFrom('alice', 'rita'), workflow: fc.constantFrom(...workflowIds) }).map(({ user, workflow }): EventBody => ({ type: 'workflow.stop', user, workflow })) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'tag.add', tag: 'done' }, { type: 'tag.remove', tag: 'done' }, { type: 'field.set', field: 'plan', value: 'pro' }) },
    { weight: 1, arbitrary: fc.constantFrom<EventBody>({ type: 'conversation.close' }, { type: 'conversation.open' }) },
  );
}

/** Whole hours, mostly early: events meet each other and the 1h, 2h and 24h timers at one instant. */
const hourArb = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 48 }) });

interface Case {
  readonly input: SimulationInput;
  /** Per contact, the share that plays it. */
  readonly shareOf: readonly number[];
}

const caseArb: fc.Arbitrary<Case> = workflowsArb.chain((workflows) => {
  const ids = workflows.map((workflow) => workflow.id);
  const listed = fc.integer({ min: 2, max: 6 }).chain((contacts) =>
    fc.array(fc.record({ hour: hourArb, contact: fc.integer({ min: 0, max: contacts - 1 }), body: bodyArb(ids) }), { minLength: 1, maxLength: 30 }).map((events) => {
      let h = harness(...workflows).user('alice').user('bob').user('rita', { restricted: true }).until('+4d');
      for (let c = 0; c < contacts; c++) h = h.contact(`c${c}`);
      // Every contact writes in first, so most cases have runs to stop.
      for (let c = 0; c < contacts; c++) h = h.as(`c${c}`).at('+0').event({ type: 'contact.message', text: 'Hi' });
      for (const event of events) h = h.as(`c${event.contact}`).at(`+${event.hour}h`).event(event.body);
      return h;
    }),
  );
  const population = fc
    .record({
      contacts: fc.integer({ min: 2, max: 30 }),
      jitter: fc.constantFrom('0s', '1h', '1d'),
      seed: fc.integer({ min: 0, max: 1000 }),
      events: fc.array(fc.record({ hour: hourArb, body: bodyArb(ids) }), { minLength: 1, maxLength: 12 }),
    })
    .map(({ contacts, jitter, seed, events }) => {
      let h = harness(...workflows).user('alice').user('bob').user('rita', { restricted: true }).until('+4d').contact('lead').population({ contacts, jitter, seed });
      h = h.as('lead').at('+0').event({ type: 'contact.message', text: 'Hi' });
      for (const event of events) h = h.as('lead').at(`+${event.hour}h`).event(event.body);
      return h;
    });
  return fc.oneof(listed, population).chain((h) => {
    const script = h.script();
    const input: SimulationInput = { workflows: h.workflows(), script, until: parseDuration('+4d') as number };
    return fc.array(fc.integer({ min: 0, max: 3 }), { minLength: contactCountOf(script), maxLength: contactCountOf(script) }).map((shareOf) => ({ input, shareOf }));
  });
});

describe('splitting by contact, over generated scripts', () => {
  it('merges parts of any partition of the contacts into the plain engine’s trace, runs and counts', () => {
    fc.assert(
      fc.property(caseArb, ({ input, shareOf }) => {
        const whole = outcome(new Simulation(input).runToEnd(), input);
        const shares = [0, 1, 2, 3].map((share) => Uint8Array.from(shareOf, (of) => (of === share ? 1 : 0)));
        const merged = mergeParts(input, shares.map((plays) => playPart(input, plays))) as Simulation;
        expect(merged).not.toBeNull();
        expect(outcome(merged, input)).toEqual(whole);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});
