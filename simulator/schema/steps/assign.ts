import { z } from 'zod';
import { idSchema, stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Assigns the contact to a user or a team. Never counts as a manual assignment. */
export const assignStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('assign'),
  assignee: z.strictObject({ kind: z.enum(['user', 'team']), id: idSchema }),
});

export type AssignStep = z.infer<typeof assignStepSchema>;

export const assignStep: StepKindDefinition<AssignStep> = {
  type: 'assign',
  name: 'Assign',
  description: 'Assigns the contact to a user or a team.',
  group: 'Contact',
  defaults: { assignee: { kind: 'team', id: 'support' } },
  ...PASSES_THROUGH,
};
