import { durationSchema } from '../../../simulator/schema/duration.ts';
import { stopReasonSchema, type AfterStop, type StopReason, type WorkflowSettings } from '../../../simulator/schema/settings.ts';

export type Reentry = AfterStop['reentry'];

/** What "After a wait" starts with: a week, the wait designers ask for most ("don't re-enroll for a week"). */
export const DEFAULT_REENTRY_WAIT = '7d';

/** Every stop reason in the order people meet them: a person's stop first, then the catalogue's. */
export const STOP_REASONS: readonly StopReason[] = stopReasonSchema.options;

/** The rule as it applies: absent means right away, for every reason. */
export function currentRule(settings: WorkflowSettings): AfterStop {
  return settings.afterStop ?? { reentry: 'allow' };
}

/**
 * The settings with re-entry set to `reentry`. Right away drops the rule (format 1 files mean the
 * same); a wait is kept only for "after", which needs one: the last valid one, else a week.
 */
export function withReentry(settings: WorkflowSettings, reentry: Reentry, lastWait: string | undefined): WorkflowSettings {
  const { afterStop: _dropped, ...rest } = settings;
  if (reentry === 'allow') return rest;
  const reasons = settings.afterStop?.reasons;
  return { ...rest, afterStop: { reentry, ...(reentry === 'after' ? { wait: lastWait ?? DEFAULT_REENTRY_WAIT } : {}), ...(reasons ? { reasons } : {}) } };
}

/** The settings with the wait of "after" set; call it with a wait `waitProblem` accepts. */
export function withWait(settings: WorkflowSettings, wait: string): WorkflowSettings {
  return { ...settings, afterStop: { ...currentRule(settings), reentry: 'after', wait } };
}

/** The reasons the rule applies to; every one when the file lists none. */
export function appliedReasons(rule: AfterStop): readonly StopReason[] {
  return rule.reasons ?? STOP_REASONS;
}

/**
 * The settings with one reason ticked or unticked. Every reason ticked is written as no list, as
 * the file format's default; unticking the last is refused (the rule would then apply to no stop — that
 * is "Right away"), so the settings come back unchanged.
 */
export function withReason(settings: WorkflowSettings, reason: StopReason, applies: boolean): WorkflowSettings {
  const rule = currentRule(settings);
  const chosen = appliedReasons(rule);
  const next = STOP_REASONS.filter((r) => (r === reason ? applies : chosen.includes(r)));
  if (next.length === 0) return settings;
  const { reasons: _dropped, ...rest } = rule;
  return { ...settings, afterStop: next.length === STOP_REASONS.length ? rest : { ...rest, reasons: next } };
}

/**
 * Why the text is no wait the Workflow can keep, in the file's own words; undefined when it is one.
 * `examples` are durations that fit the field ("2h, 30m or 1d" for a resume rule).
 */
export function waitProblem(text: string, examples = '7d, 12h or 1d12h'): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return `Say how long to wait, e.g. ${examples}.`;
  const parsed = durationSchema.safeParse(trimmed);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]?.message ?? '';
  // The schema speaks of the file ("Expected a duration such as \"30m\""); people get units spelled out.
  return issue.startsWith('Expected')
    ? `“${trimmed}” is not a duration. Write days, hours, minutes or seconds, e.g. ${examples}.`
    : `${issue}.`;
}
