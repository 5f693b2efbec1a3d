import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

export const openConversationStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('open_conversation'),
});

export type OpenConversationStep = z.infer<typeof openConversationStepSchema>;

export const openConversationStep: StepKindDefinition<OpenConversationStep> = {
  type: 'open_conversation',
  name: 'Open conversation',
  description: 'Opens the contact’s conversation.',
  group: 'Conversation',
  defaults: {},
  ...PASSES_THROUGH,
};
