import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Sends a message to the contact. `{{contact.name}}`, `{{contact.id}}` and `{{contact.fields.x}}` are replaced. */
export const sendMessageStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('send_message'),
  text: z.string().max(4096, 'At most 4096 characters'),
});
