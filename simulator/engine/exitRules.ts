import type { ExitCondition, WorkflowSettings } from '../schema/settings.ts';
import type { ExitIgnoredReason } from '../schema/trace.ts';

/**
 * What a run can observe that has to do with exit conditions. The interpreter classifies each
 * message or assignment from the run's point of view (was it this run's trigger? the answer to
 * its open question?) before asking the rules below.
 */
export const OBSERVATIONS = [
  'user_message',
  'workflow_message',
  'broadcast',
  'contact_message',
  'trigger_message',
  'question_answer',
  'user_assignment',
  'workflow_assignment',
  'rule_assignment',
  'unassignment',
] as const;
export type Observation = (typeof OBSERVATIONS)[number];

interface ConditionRow {
  /** Observations that meet the condition. */
  readonly metBy: readonly Observation[];
  /** Observations of the same family that do NOT count, and the note the trace gives. */
  readonly doesNotCount: Partial<Record<Observation, ExitIgnoredReason>>;
}

/** The exit conditions, precisely: one row per condition, read left to right. */
export const EXIT_CONDITIONS: Record<ExitCondition, ConditionRow> = {
  outgoing_message: {
    metBy: ['user_message'],
    doesNotCount: { workflow_message: 'sent_by_workflow', broadcast: 'broadcast' },
  },
  incoming_message: {
    metBy: ['contact_message'],
    doesNotCount: { trigger_message: 'trigger_message', question_answer: 'answer_to_question' },
  },
  manual_assignment: {
    metBy: ['user_assignment'],
    doesNotCount: {
      workflow_assignment: 'assigned_by_workflow',
      rule_assignment: 'assigned_by_rule',
      unassignment: 'unassignment',
    },
  },
};

/** The verdict of the exit rules for one run and one observation: stop it, pause it, or note why neither. */
export type ExitVerdict =
  | { readonly stop: ExitCondition }
  | { readonly pause: ExitCondition }
  | { readonly ignore: ExitIgnoredReason }
  | null;

const CONDITION_OF = new Map<Observation, ExitCondition>();
for (const [condition, row] of Object.entries(EXIT_CONDITIONS) as [ExitCondition, ConditionRow][]) {
  for (const observation of row.metBy) CONDITION_OF.set(observation, condition);
  for (const observation of Object.keys(row.doesNotCount) as Observation[]) CONDITION_OF.set(observation, condition);
}
const STOP = Object.fromEntries(Object.keys(EXIT_CONDITIONS).map((c) => [c, { stop: c }])) as Record<
  ExitCondition,
  ExitVerdict
>;
const PAUSE = Object.fromEntries(Object.keys(EXIT_CONDITIONS).map((c) => [c, { pause: c }])) as Record<
  ExitCondition,
  ExitVerdict
>;
const IGNORE = new Map<ExitIgnoredReason, ExitVerdict>();
const ignore = (reason: ExitIgnoredReason): ExitVerdict => {
  let verdict = IGNORE.get(reason);
  if (!verdict) IGNORE.set(reason, (verdict = { ignore: reason }));
  return verdict;
};

/**
 * Does this observation stop a run of a Workflow with these settings?
 *
 * - An observation that would meet a condition stops the run when that condition is selected —
 *   or pauses it, when the settings say so for that condition; otherwise the trace notes why not
 *   (exit conditions off, or this condition not selected).
 * - An observation the table says does not count is noted only where its condition is selected,
 *   so the author sees why the run went on; elsewhere it is nobody's business (`null`).
 *
 * @example exitVerdict({ manualStop: false, exitConditions: { enabled: true, on: ['incoming_message'] } }, 'contact_message')
 *   // → { stop: 'incoming_message' }
 */
export function exitVerdict(settings: WorkflowSettings, observation: Observation): ExitVerdict {
  const condition = CONDITION_OF.get(observation) as ExitCondition;
  const { enabled, on } = settings.exitConditions;
  const selected = enabled && on.includes(condition);
  const row = EXIT_CONDITIONS[condition];
  if (row.metBy.includes(observation)) {
    if (selected) return settings.exitConditions.actions?.[condition] === 'pause' ? PAUSE[condition] : STOP[condition];
    return ignore(enabled ? 'condition_not_selected' : 'exit_conditions_off');
  }
  return selected ? ignore(row.doesNotCount[observation] as ExitIgnoredReason) : null;
}

/** Every observation's verdict for one Workflow's settings, worked out once (settings are fixed during a run). */
export function exitVerdicts(settings: WorkflowSettings): Readonly<Record<Observation, ExitVerdict>> {
  return Object.fromEntries(OBSERVATIONS.map((observation) => [observation, exitVerdict(settings, observation)])) as Record<
    Observation,
    ExitVerdict
  >;
}
