import { z } from 'zod';
import { durationSchema } from './duration.ts';

/** The events that can stop a run by themselves; also the stop reasons they produce. */
export const exitConditionSchema = z.enum(['outgoing_message', 'incoming_message', 'manual_assignment']);
export type ExitCondition = z.infer<typeof exitConditionSchema>;

/**
 * Why a run stopped: by a person (`manual`), by the exit condition that was met, or by a publish
 * of a new version — its runs in flight stopped (`workflow_updated`), or moved to it while their
 * step no longer exists (`step_removed`).
 */
export const stopReasonSchema = z.enum(['manual', ...exitConditionSchema.options, 'workflow_updated', 'step_removed']);
export type StopReason = z.infer<typeof stopReasonSchema>;

/** What a met exit condition does to the run: stop it (the default) or pause it. */
export const exitActionSchema = z.enum(['stop', 'pause']);
export type ExitAction = z.infer<typeof exitActionSchema>;

const listedOnce = <T>(list: readonly T[]) => new Set(list).size === list.length;

/**
 * Whether a contact whose run was stopped may be started again by this Workflow:
 * right away (`allow`: rule 5 of a stop alone), `never`, or only `after` the `wait` has passed since
 * the stop — for the stops of the listed `reasons` only, or every stop when there is no list.
 */
export const afterStopSchema = z
  .strictObject({
    reentry: z.enum(['allow', 'never', 'after']).default('allow'),
    wait: durationSchema.optional(),
    reasons: z.array(stopReasonSchema).min(1, 'List at least one reason, or leave the list out for every reason').refine(listedOnce, 'Each reason may be listed once').optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.reentry === 'after' && rule.wait === undefined)
      ctx.addIssue({ code: 'custom', path: ['wait'], message: 'Say how long after the stop the Workflow may start again, e.g. "7d"' });
    if (rule.reentry !== 'after' && rule.wait !== undefined)
      ctx.addIssue({ code: 'custom', path: ['wait'], message: 'A wait applies only to "reentry": "after"' });
  });
export type AfterStop = z.infer<typeof afterStopSchema>;

/**
 * When a paused run resumes: after `after` with no message from a person to the
 * contact, or when the conversation is closed.
 */
export const resumeRuleSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('silence'), after: durationSchema }),
  z.strictObject({ on: z.literal('conversation_closed') }),
]);
export type ResumeRule = z.infer<typeof resumeRuleSchema>;

/** A Workflow's stop settings. */
export const workflowSettingsSchema = z.strictObject({
  /** "Allow users to stop this Workflow for a Contact". */
  manualStop: z.boolean().default(false),
  /** "Set exit conditions to stop this Workflow for Contact". */
  exitConditions: z
    .strictObject({
      enabled: z.boolean().default(false),
      on: z.array(exitConditionSchema).default([]).refine(listedOnce, 'Each condition may be listed once'),
      /**
       * What each condition does when met, by condition; a condition not listed stops the run.
       * A map beside `on` rather than objects inside it, so every format-1 file means the same.
       */
      actions: z.partialRecord(exitConditionSchema, exitActionSchema).optional(),
    })
    .default({ enabled: false, on: [] }),
  /** What happens after a run is stopped: may the contact enter again. Absent: right away. */
  afterStop: afterStopSchema.optional(),
  /** How a paused run resumes. */
  pause: z.strictObject({ resume: resumeRuleSchema.optional() }).optional(),
});

export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;
