import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Adds or removes a contact tag. */
export const updateTagStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('update_tag'),
  action: z.enum(['add', 'remove']),
  tag: z.string().min(1, 'Name the tag').max(64),
});

export type UpdateTagStep = z.infer<typeof updateTagStepSchema>;

export const updateTagStep: StepKindDefinition<UpdateTagStep> = {
  type: 'update_tag',
  name: 'Update tag',
  description: 'Adds or removes a contact tag.',
  group: 'Contact',
  defaults: { action: 'add', tag: 'lead' },
  ...PASSES_THROUGH,
};
