import { z } from 'zod';

/** The events that can stop a run by themselves (SPEC §2); also the stop reasons they produce. */
export const exitConditionSchema = z.enum(['outgoing_message', 'incoming_message', 'manual_assignment']);
export type ExitCondition = z.infer<typeof exitConditionSchema>;

/** A Workflow's two stop settings. */
export const workflowSettingsSchema = z.strictObject({
  /** "Allow users to stop this Workflow for a Contact". */
  manualStop: z.boolean().default(false),
  /** "Set exit conditions to stop this Workflow for Contact". */
  exitConditions: z
    .strictObject({
      enabled: z.boolean().default(false),
      on: z
        .array(exitConditionSchema)
        .default([])
        .refine((list) => new Set(list).size === list.length, 'Each condition may be listed once'),
    })
    .default({ enabled: false, on: [] }),
});

export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;
