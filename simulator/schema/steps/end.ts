import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Completes the run. Has no outgoing edge. */
export const endStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('end'),
});

export type EndStep = z.infer<typeof endStepSchema>;

export const endStep: StepKindDefinition<EndStep> = {
  type: 'end',
  name: 'End',
  description: 'Completes the run.',
  group: 'Flow',
  defaults: {},
  ...PASSES_THROUGH,
  outputs: () => [],
};
