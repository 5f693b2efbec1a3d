import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS } from '../../../../../simulator/schema/exitConditions.ts';
import { stopReasonSchema } from '../../../../../simulator/schema/script.ts';
import { MANUAL_STOP_COLOUR_TOKEN, OTHER_STOP_COLOUR_TOKENS, stopReasonColour } from '../../../../../src/screens/simulation/population/stopReasonColour.ts';

const css = readFileSync(new URL('../../../../../src/screens/simulation/population/population.css', import.meta.url), 'utf8');
const defined = new Set([...css.matchAll(/--([a-z0-9-]+):/g)].map((match) => match[1]));

describe('stopReasonColour', () => {
  it("colours an exit condition's stops with its catalogue token, and a manual stop with its own", () => {
    expect(stopReasonColour('incoming_message')).toBe(`var(--${EXIT_CONDITION_CATALOGUE.incoming_message.colourToken})`);
    expect(stopReasonColour('manual')).toBe(`var(--${MANUAL_STOP_COLOUR_TOKEN})`);
  });

  it('finds every token it names defined in the charts’ style sheet, so no reason is drawn without a colour', () => {
    for (const condition of EXIT_CONDITION_IDS) expect(defined).toContain(EXIT_CONDITION_CATALOGUE[condition].colourToken);
    for (const token of Object.values(OTHER_STOP_COLOUR_TOKENS)) expect(defined).toContain(token);
  });

  it('gives every stop reason a colour of its own', () => {
    const colours = stopReasonSchema.options.map(stopReasonColour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
