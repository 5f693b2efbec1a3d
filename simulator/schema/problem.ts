import { z } from 'zod';

export const problemCodeSchema = z.enum([
  'duplicate_id',
  'edge_unknown_source',
  'edge_unknown_target',
  'edge_unknown_handle',
  'edge_into_trigger',
  'handle_used_twice',
  'unreachable',
  'branch_without_else',
  'jump_target_missing',
  'loop_without_pause',
  'exit_conditions_empty',
  'empty_message',
  'workflow_target_missing',
  'workflow_target_not_startable',
  /** A step that waits or jumps on the When stopped path. */
  'not_allowed_when_stopped',
  /** A Stop reason branch off the When stopped path. */
  'only_when_stopped',
  /** A chosen exit condition pauses the run, and the Workflow has no rule for resuming it. */
  'pause_without_resume',
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

/** One reason a Workflow cannot be published or simulated, attached to what it concerns. */
export const workflowProblemSchema = z.object({
  code: problemCodeSchema,
  message: z.string(),
  /** The step (or trigger) the problem is shown on; absent for Workflow-wide problems. */
  stepId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Other steps involved, e.g. the rest of a loop. */
  relatedStepIds: z.array(z.string()).optional(),
  /** Where in the Workflow document the problem lies. */
  path: z.array(z.union([z.string(), z.number()])),
});
export type WorkflowProblem = z.infer<typeof workflowProblemSchema>;
