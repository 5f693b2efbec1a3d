import { z } from 'zod';
import { refuseReservedFieldNames } from '../fieldName.ts';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Sets a contact field. */
export const updateFieldStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('update_field'),
  field: refuseReservedFieldNames(z.string().min(1, 'Name the contact field').max(64)),
  value: z.string().max(1024),
});

export type UpdateFieldStep = z.infer<typeof updateFieldStepSchema>;

export const updateFieldStep: StepKindDefinition<UpdateFieldStep> = {
  type: 'update_field',
  name: 'Update field',
  description: 'Sets a contact field.',
  group: 'Contact',
  defaults: { field: 'status', value: '' },
  ...PASSES_THROUGH,
};
