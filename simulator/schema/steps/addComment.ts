import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Adds an internal comment to the conversation; the contact never sees it. */
export const addCommentStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('add_comment'),
  text: z.string().max(4096),
});
