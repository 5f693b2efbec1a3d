import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

export const openConversationStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('open_conversation'),
});
