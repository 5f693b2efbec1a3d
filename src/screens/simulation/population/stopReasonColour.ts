import { EXIT_CONDITION_CATALOGUE, isExitCondition } from '../../../../simulator/schema/exitConditions.ts';
import type { StopReason } from '../../../../simulator/schema/script.ts';

/** The design token of a manual stop, which is no exit condition and so not in the catalogue. */
export const MANUAL_STOP_COLOUR_TOKEN = 'population-manual';

/** A stop reason's colour in the charts (legend, bars, tooltip): the exit condition's catalogue token, as a CSS value. */
export function stopReasonColour(reason: StopReason): string {
  return `var(--${isExitCondition(reason) ? EXIT_CONDITION_CATALOGUE[reason].colourToken : MANUAL_STOP_COLOUR_TOKEN})`;
}
