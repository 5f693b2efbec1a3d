import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';
import { nextOnly, plainOutputLabel, type StepKindDefinition } from '../stepKind.ts';

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
  outputs: nextOnly,
  outputLabel: plainOutputLabel,
  pause: 'none',
  needsElse: false,
  sentText: null,
  jumpTarget: null,
  startsWorkflow: (step) => step.workflow,
};
