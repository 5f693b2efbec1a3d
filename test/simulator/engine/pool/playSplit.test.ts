// A simulation split by contact and merged (what `--workers N` does, here without threads) prints
// the same trace, row for row, as one simulation of every contact: same hash, counts and runs.
import { describe, expect, it } from 'vitest';
import { contactCountOf, contactShares } from '../../../../simulator/engine/pool/contactShares.ts';
import { canSplit, mergeParts } from '../../../../simulator/engine/pool/mergeParts.ts';
import { playPart } from '../../../../simulator/engine/pool/poolPart.ts';
import { playSplit } from '../../../../simulator/engine/pool/playSplit.ts';
import { Simulation, type SimulationInput } from '../../../../simulator/engine/simulation.ts';
import { hashTrace } from '../../../../simulator/engine/traceHash.ts';
import { loadExamples, manyContactVariants, outcome } from './examples.ts';

const examples = loadExamples();
const variants = manyContactVariants(examples);

describe('a split simulation merges into the whole', () => {
  it.each(examples.map((example) => [example.file, example] as const))('%s: 1, 2, 3 and 4 shares give the plain engine’s trace and counts', (_, { input }) => {
    const whole = outcome(new Simulation(input).runToEnd(), input);
    expect(whole.entries).toBeGreaterThan(0);
    for (const workers of [1, 2, 3, 4]) {
      const shares = contactShares(contactCountOf(input.script), workers);
      expect(outcome(playSplit(input, shares), input)).toEqual(whole);
    }
  }, 60_000);

  it.each(variants.map((variant) => [variant.file, variant] as const))('%s: 1, 2, 3 and 4 shares give the plain engine’s trace and counts', (_, { input }) => {
    const whole = outcome(new Simulation(input).runToEnd(), input);
    for (const workers of [2, 3, 4]) expect(outcome(playSplit(input, contactShares(contactCountOf(input.script), workers)), input)).toEqual(whole);
  }, 60_000);

  it('has variants of every plain example with many contacts', () => {
    expect(variants.length).toBeGreaterThanOrEqual(3 * 24);
  });

  it('merges the population example from parts, not by playing it whole', () => {
    const example = examples.find((item) => item.file === 'follow-up/population.script.json');
    const input = example?.input as SimulationInput;
    const parts = contactShares(1000, 4).map((plays) => playPart(input, plays));
    expect(parts.map((part) => part.eventsProcessed).every((events) => events > 0)).toBe(true);
    const merged = mergeParts(input, parts) as Simulation;
    expect(merged).not.toBeNull();
    expect(hashTrace(merged)).toBe(hashTrace(new Simulation(input).runToEnd()));
  });

  it('stops short at the same entry as the plain engine when the whole reaches the trace cap (no part does: it is played whole)', () => {
    const example = examples.find((item) => item.file === 'follow-up/population.script.json');
    const input: SimulationInput = { ...(example?.input as SimulationInput), maxTraceEntries: 15_000 };
    const whole = outcome(new Simulation(input).runToEnd(), input);
    expect(whole.stoppedShort?.reason).toBe('trace_limit');
    const shares = contactShares(1000, 2);
    expect(mergeParts(input, shares.map((plays) => playPart(input, plays)))).toBeNull();
    expect(outcome(playSplit(input, shares), input)).toEqual(whole);
  });

  it('plays a script with a publish on one thread: a publish acts on every contact at once', () => {
    const publishing = examples.filter((example) => !canSplit(example.input));
    expect(publishing.map((example) => example.file)).toContain('new-version/move.script.json');
  });
});
