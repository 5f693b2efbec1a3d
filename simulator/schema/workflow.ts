import { z } from 'zod';
import { idSchema, positionSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { workflowSettingsSchema } from './settings.ts';
import { stepSchema } from './step.ts';
import { triggerSchema } from './trigger.ts';

export const WORKFLOW_FORMAT = 'exitflow.workflow/2';
export const WORKFLOW_FORMAT_VERSION = 2;

/** A connection from one output handle of a node to another node. */
export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  /** Which output of the source: `next`, a Branch path id, `else`, `answered`, `timeout`, `match`. */
  sourceHandle: z.string().min(1).max(64).default('next'),
  target: idSchema,
});

/**
 * The When stopped entry: a second start node, whose path runs once, in the instant a
 * run of this Workflow is stopped. Edges leave it from `next`, as they leave the trigger.
 */
export const whenStoppedSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(120, 'At most 120 characters').default(''),
  position: positionSchema.optional(),
});

/** A Workflow document, as stored, exported and imported. */
export const workflowSchema = z
  .strictObject({
    /** Where editors find the JSON Schema of this format; ignored by exitflow. */
    $schema: z.string().optional(),
    format: z.literal(WORKFLOW_FORMAT),
    id: idSchema,
    name: z.string().trim().min(1, 'Give the Workflow a name').max(120, 'At most 120 characters'),
    description: z.string().max(2000).optional(),
    trigger: triggerSchema,
    /** At most one, by its shape: the clean-up path's entry. */
    whenStopped: whenStoppedSchema.optional(),
    steps: z.array(stepSchema).max(LIMITS.steps, `At most ${LIMITS.steps} steps`),
    edges: z.array(edgeSchema).max(LIMITS.edges, `At most ${LIMITS.edges} edges`),
    settings: workflowSettingsSchema.default({ manualStop: false, exitConditions: { enabled: false, on: [] } }),
  })
  .describe('exitflow Workflow document');

export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowInput = z.input<typeof workflowSchema>;
export type Edge = z.infer<typeof edgeSchema>;
export type WhenStopped = z.infer<typeof whenStoppedSchema>;
