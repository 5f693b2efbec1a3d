import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Continues at another step (by id). Has no outgoing edge. */
export const jumpToStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('jump_to'),
  target: z.string().max(64),
});

export type JumpToStep = z.infer<typeof jumpToStepSchema>;

export const jumpToStep: StepKindDefinition<JumpToStep> = {
  type: 'jump_to',
  name: 'Jump to',
  description: 'Continues at another step.',
  group: 'Flow',
  defaults: { target: '' },
  ...PASSES_THROUGH,
  outputs: () => [],
  allowedOn: 'trigger',
  jumpTarget: (step) => step.target,
};
