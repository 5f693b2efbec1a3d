import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/**
 * Starts an independent run of another Workflow (named by id or name) for the same contact. The
 * other Workflow must have the "Started by another Workflow" trigger.
 */
export const triggerWorkflowStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('trigger_workflow'),
  workflow: z.string().max(120),
});
