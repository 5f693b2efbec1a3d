import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

export const closeConversationStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('close_conversation'),
});

export type CloseConversationStep = z.infer<typeof closeConversationStepSchema>;

export const closeConversationStep: StepKindDefinition<CloseConversationStep> = {
  type: 'close_conversation',
  name: 'Close conversation',
  description: 'Closes the contact’s conversation.',
  group: 'Conversation',
  defaults: {},
  ...PASSES_THROUGH,
};
