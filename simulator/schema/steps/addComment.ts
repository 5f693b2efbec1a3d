import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/** Adds an internal comment to the conversation; the contact never sees it. */
export const addCommentStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('add_comment'),
  text: z.string().max(4096),
});

export type AddCommentStep = z.infer<typeof addCommentStepSchema>;

export const addCommentStep: StepKindDefinition<AddCommentStep> = {
  type: 'add_comment',
  name: 'Add comment',
  description: 'An internal note the contact never sees.',
  group: 'Messages',
  defaults: { text: '' },
  ...PASSES_THROUGH,
};
