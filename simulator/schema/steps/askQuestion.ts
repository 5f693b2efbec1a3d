import { z } from 'zod';
import { durationSchema } from '../duration.ts';
import { stepBaseShape } from '../ids.ts';

/**
 * Asks the contact a question and waits for the reply, which is stored in the contact field
 * `field`. Outputs: `answered`, and `timeout` when a timeout is set.
 */
export const askQuestionStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('ask_question'),
  text: z.string().max(4096, 'At most 4096 characters'),
  field: z.string().max(64, 'At most 64 characters'),
  timeout: durationSchema.optional(),
});
