import { kindOf, type Step } from '../../../../simulator/schema/step.ts';

/** What an output handle is called on the node (the step kind's own words): nothing for the plain `next`. */
export function outputLabel(step: Step, handle: string): string {
  return kindOf(step).outputLabel(step, handle);
}
