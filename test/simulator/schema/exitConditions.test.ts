import { describe, expect, it } from 'vitest';
import { EXIT_CONFIGURATIONS } from '../../../simulator/engine/compareConfigurations.ts';
import { exitConfigurationIdSchema } from '../../../simulator/schema/compare.ts';
import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS, exitConditionChoices, isExitCondition } from '../../../simulator/schema/exitConditions.ts';
import { exitConditionSchema } from '../../../simulator/schema/settings.ts';
import { describeReason } from '../../../simulator/trace/describeEntry.ts';

describe('the exit-condition catalogue', () => {
  it('has one entry for every condition the settings schema knows, in its order', () => {
    expect(Object.keys(EXIT_CONDITION_CATALOGUE)).toEqual(exitConditionSchema.options);
    expect(EXIT_CONDITION_IDS).toEqual(exitConditionSchema.options);
  });

  it.each(EXIT_CONDITION_IDS)('gives %s its words, a colour token and a Compare column of its own', (condition) => {
    const entry = EXIT_CONDITION_CATALOGUE[condition];
    for (const text of [entry.label, entry.stopReason, entry.metWhen, entry.doesNotCount]) expect(text.trim()).not.toBe('');
    expect(entry.metWhen).toMatch(/^Met when .*\.$/);
    expect(entry.doesNotCount).toMatch(/do not count\.$/);
    expect(entry.colourToken).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(entry.parameter).toBeNull();
  });

  it('keeps labels, colours and columns apart', () => {
    for (const trait of ['label', 'stopReason', 'colourToken', 'compareColumn'] as const) {
      const values = EXIT_CONDITION_IDS.map((condition) => EXIT_CONDITION_CATALOGUE[condition][trait]);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('offers the conditions in a sentence by their labels', () => {
    expect(exitConditionChoices()).toBe('Outgoing messages, Incoming messages or Manual assignment');
  });

  it('tells an exit condition from the other stop reasons', () => {
    expect(EXIT_CONDITION_IDS.every(isExitCondition)).toBe(true);
    expect(isExitCondition('manual')).toBe(false);
    expect(isExitCondition('toString')).toBe(false);
  });

  it('is what trace sentences and Compare columns say', () => {
    for (const condition of EXIT_CONDITION_IDS) expect(describeReason(condition)).toBe(EXIT_CONDITION_CATALOGUE[condition].stopReason);
    expect(EXIT_CONFIGURATIONS.map((configuration) => [configuration.id, configuration.label])).toEqual([
      ['off', 'Off'],
      ['outgoing', 'Outgoing message'],
      ['outgoing-pause', 'Outgoing message (pause)'],
      ['incoming', 'Incoming message'],
      ['incoming-pause', 'Incoming message (pause)'],
      ['assignment', 'Manual assignment'],
      ['assignment-pause', 'Manual assignment (pause)'],
      ['all', 'All conditions'],
    ]);
    expect(exitConfigurationIdSchema.options).toEqual(EXIT_CONFIGURATIONS.map((configuration) => configuration.id));
  });
});
