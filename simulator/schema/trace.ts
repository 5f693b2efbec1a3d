import { z } from 'zod';
import { publishPolicySchema, scriptEventTypeSchema, stopReasonSchema } from './script.ts';

/** What happened, one kind per trace entry. */
export const traceKindSchema = z.enum([
  /** An external event from the script (contact, agent, broadcast, assignment rule…). */
  'event',
  'run.started',
  /** A trigger matched but no run started; `reason` says why. */
  'trigger.ignored',
  /** A step was executed. */
  'step',
  /** A Workflow message was sent to the contact. */
  'message.sent',
  'question.answered',
  'question.timeout',
  'question.cancelled',
  'timer.set',
  'timer.fired',
  'timer.cancelled',
  /** A step changed the contact; `change` says how. */
  'contact.changed',
  'comment.added',
  /** A message or assignment was seen by a run but did not stop it; `reason` says why. */
  'exit.ignored',
  'run.completed',
  'run.stopped',
  /** A manual stop that was refused or had nothing to do; nothing changed. */
  'stop.refused',
  'run.failed',
  /** A stopped run's When stopped path begins; `reason` is the stop's. */
  'when_stopped.started',
  /** Its path has ended; `reason` is `loop` when the runaway guard cut it short. */
  'when_stopped.ended',
  /**
   * An exit condition set to pause met: the run keeps its place; `reason` is the condition, `due`
   * when it resumes if the team stays quiet (absent: when the conversation is closed).
   */
  'run.paused',
  /** A paused run's timer stops counting; `due` is when it was due (what is left: `due - t`). */
  'timer.frozen',
  /**
   * A paused run's wait for silence starts again: a Pause condition met again (`reason`), or a
   * person's message or an assignment (no `reason`); `due` is the new resume instant, if any.
   */
  'pause.extended',
  /** A paused run carries on where it was; `reason` says why, `due` (silence) since when it was quiet. */
  'run.resumed',
  /**
   * A new version of a Workflow went live (`text`: the file it came from; `policy`: what its runs
   * in flight do). It concerns every contact: its `contact` is empty.
   */
  'workflow.published',
  /** A run in flight moved to the new version, at the step with the same id. */
  'run.moved',
]);
export type TraceKind = z.infer<typeof traceKindSchema>;

export const triggerIgnoredReasonSchema = z.enum([
  'already_active',
  'once_per_contact',
  'stopped_by_this_event',
  'answered_by_this_event',
  'not_a_shortcut',
  'not_started_by_workflows',
  'restricted_user',
  'unknown_workflow',
  'chain_too_deep',
  /** `afterStop.reentry` is `never` and the contact's last run was stopped. */
  'reentry_never',
  /** `afterStop.reentry` is `after` and its wait since the last run's stop has not passed yet. */
  'reentry_wait',
]);
export const stopRefusedReasonSchema = z.enum([
  'restricted_user',
  'manual_stop_off',
  'no_active_run',
  'already_stopped',
  'unknown_workflow',
]);
export const exitIgnoredReasonSchema = z.enum([
  'exit_conditions_off',
  'condition_not_selected',
  'sent_by_workflow',
  'broadcast',
  'trigger_message',
  'answer_to_question',
  'assigned_by_workflow',
  'assigned_by_rule',
  'unassignment',
]);
export const failReasonSchema = z.enum(['loop']);
/** Why a paused run resumed: its team was quiet long enough, or the conversation was closed. */
export const resumeReasonSchema = z.enum(['silence', 'conversation_closed']);
export const contactChangeSchema = z.enum([
  'tag_added',
  'tag_removed',
  'field_set',
  'assigned',
  'conversation_opened',
  'conversation_closed',
]);

export type TriggerIgnoredReason = z.infer<typeof triggerIgnoredReasonSchema>;
export type StopRefusedReason = z.infer<typeof stopRefusedReasonSchema>;
export type ExitIgnoredReason = z.infer<typeof exitIgnoredReasonSchema>;
export type FailReason = z.infer<typeof failReasonSchema>;
export type ResumeReason = z.infer<typeof resumeReasonSchema>;
export type ContactChange = z.infer<typeof contactChangeSchema>;

export const traceReasonSchema = z.union([
  stopReasonSchema,
  triggerIgnoredReasonSchema,
  stopRefusedReasonSchema,
  exitIgnoredReasonSchema,
  failReasonSchema,
  resumeReasonSchema,
]);
export type TraceReason = z.infer<typeof traceReasonSchema>;

/**
 * One line of a simulation's trace. `t` is milliseconds since the script's start; ids name the
 * contact, Workflow, run and step concerned. Optional fields appear only where they apply.
 */
export const traceEntrySchema = z.object({
  seq: z.number().int().min(0),
  t: z.number().min(0),
  kind: traceKindSchema,
  contact: z.string(),
  workflow: z.string().optional(),
  run: z.number().int().optional(),
  step: z.string().optional(),
  user: z.string().optional(),
  event: scriptEventTypeSchema.optional(),
  reason: traceReasonSchema.optional(),
  change: contactChangeSchema.optional(),
  text: z.string().optional(),
  to: z.string().optional(),
  tag: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  /** For timers: when it is (or was) due, in ms since start. */
  due: z.number().optional(),
  /** A trigger ignored by a re-entry rule: why and when the contact's last run was stopped … */
  stopReason: stopReasonSchema.optional(),
  stoppedAt: z.number().optional(),
  /** … and from when the Workflow may start for the contact again (absent: never). */
  liftsAt: z.number().optional(),
  /** A publish: what happens to the runs in flight. */
  policy: publishPolicySchema.optional(),
});
export type TraceEntry = z.infer<typeof traceEntrySchema>;
