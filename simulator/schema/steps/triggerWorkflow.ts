import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/**
 * Starts an independent run of another Workflow (named by id or name) for the same contact. The
 * other Workflow must have the "Started by another Workflow" trigger.
 */
export const triggerWorkflowStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('trigger_workflow'),
  workflow: z.string().max(120),
});

export type TriggerWorkflowStep = z.infer<typeof triggerWorkflowStepSchema>;

export const triggerWorkflowStep: StepKindDefinition<TriggerWorkflowStep> = {
  type: 'trigger_workflow',
  name: 'Trigger Workflow',
  description: 'Starts another Workflow for the contact.',
  group: 'Flow',
  defaults: { workflow: '' },
  ...PASSES_THROUGH,
  startsWorkflow: (step) => step.workflow,
};
