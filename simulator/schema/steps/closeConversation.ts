import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { nextOnly, plainOutputLabel, type StepKindDefinition } from '../stepKind.ts';

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
  outputs: nextOnly,
  outputLabel: plainOutputLabel,
  pause: 'none',
  needsElse: false,
  sentText: null,
  jumpTarget: null,
  startsWorkflow: null,
};
