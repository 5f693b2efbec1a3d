import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Sets a contact field. */
export const updateFieldStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('update_field'),
  field: z.string().min(1, 'Name the contact field').max(64),
  value: z.string().max(1024),
});
