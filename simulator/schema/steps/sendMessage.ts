import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Sends a message to the contact. `{{contact.name}}`, `{{contact.id}}` and `{{contact.fields.x}}` are replaced. */
export const sendMessageStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('send_message'),
  text: z.string().max(4096, 'At most 4096 characters'),
});

export type SendMessageStep = z.infer<typeof sendMessageStepSchema>;

export const sendMessageStep: StepKindDefinition<SendMessageStep> = {
  type: 'send_message',
  name: 'Send message',
  description: 'Sends a message to the contact.',
  group: 'Messages',
  defaults: { text: '' },
  ...PASSES_THROUGH,
  sentText: (step) => step.text,
};
