import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

export const closeConversationStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('close_conversation'),
});
