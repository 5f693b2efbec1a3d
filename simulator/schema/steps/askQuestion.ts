import { z } from 'zod';
import { durationSchema } from '../duration.ts';
import { isReservedFieldName, refuseReservedFieldNames } from '../fieldName.ts';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/**
 * Asks the contact a question and waits for the reply, which is stored in the contact field
 * `field`, or with no field named, in the field named after the step's id. Outputs: `answered`,
 * and `timeout` when a timeout is set.
 */
export const askQuestionStepSchema = z
  .strictObject({
    ...stepBaseShape,
    type: z.literal('ask_question'),
    text: z.string().max(4096, 'At most 4096 characters'),
    field: refuseReservedFieldNames(z.string().max(64, 'At most 64 characters')),
    timeout: durationSchema.optional(),
  })
  .check((ctx) => {
    // The id stands in for an empty field, so it falls under the field's rule.
    const step = ctx.value;
    if (step.field === '' && isReservedFieldName(step.id)) {
      ctx.issues.push({ code: 'custom', input: step.field, path: ['field'], message: `Name the field: the answer would be saved under this step's id, ${step.id}, and JavaScript's own names cannot name a field` });
    }
  });

export type AskQuestionStep = z.infer<typeof askQuestionStepSchema>;

export const askQuestionStep: StepKindDefinition<AskQuestionStep> = {
  type: 'ask_question',
  name: 'Ask a question',
  description: 'Asks, waits for the reply, saves it in a field.',
  group: 'Messages',
  defaults: { text: '', field: '' },
  ...PASSES_THROUGH,
  outputs: (step) => (step.timeout === undefined ? ['answered'] : ['answered', 'timeout']),
  outputLabel: (_step, handle) => (handle === 'answered' ? 'Answered' : 'Timed out'),
  pause: 'reply',
  allowedOn: 'trigger',
  sentText: (step) => step.text,
};
