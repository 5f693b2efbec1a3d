import type { ExitCondition } from '../../../../simulator/schema/settings.ts';
import { EXIT_CONDITION_CATALOGUE, isExitCondition } from '../../../../simulator/schema/exitConditions.ts';
import type { StopReason } from '../../../../simulator/schema/script.ts';

/** The design token of a manual stop, which is no exit condition and so not in the catalogue. */
export const MANUAL_STOP_COLOUR_TOKEN = 'population-manual';

/** The tokens of the stop reasons that are no exit condition: a person's stop, and a publish's. */
export const OTHER_STOP_COLOUR_TOKENS: Record<Exclude<StopReason, ExitCondition>, string> = {
  manual: MANUAL_STOP_COLOUR_TOKEN,
  workflow_updated: 'population-workflow-updated',
  step_removed: 'population-step-removed',
};

/** A stop reason's colour in the charts (legend, bars, tooltip): the exit condition's catalogue token, as a CSS value. */
export function stopReasonColour(reason: StopReason): string {
  return `var(--${isExitCondition(reason) ? EXIT_CONDITION_CATALOGUE[reason].colourToken : OTHER_STOP_COLOUR_TOKENS[reason]})`;
}
