import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Adds or removes a contact tag. */
export const updateTagStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('update_tag'),
  action: z.enum(['add', 'remove']),
  tag: z.string().min(1, 'Name the tag').max(64),
});
