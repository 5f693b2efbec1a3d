import { EXIT_CONDITION_IDS } from '../../../simulator/schema/exitConditions.ts';
import type { ExitAction, ExitCondition, ResumeRule, WorkflowSettings } from '../../../simulator/schema/settings.ts';

/**
 * What a first Pause starts with: resume two hours after the team's last message, the hand-back
 * human-takeover tools offer, so the Workflow is valid from the first click.
 */
export const DEFAULT_RESUME_AFTER = '2h';
export const DEFAULT_RESUME: ResumeRule = { on: 'silence', after: DEFAULT_RESUME_AFTER };

/** What the condition does when met; a condition the file does not list stops the run. */
export function conditionAction(settings: WorkflowSettings, condition: ExitCondition): ExitAction {
  return settings.exitConditions.actions?.[condition] ?? 'stop';
}

/** The chosen conditions set to Pause, in the catalogue's order; none while exit conditions are off. */
export function pausingConditions(settings: WorkflowSettings): readonly ExitCondition[] {
  const { enabled, on } = settings.exitConditions;
  return enabled ? EXIT_CONDITION_IDS.filter((condition) => on.includes(condition) && conditionAction(settings, condition) === 'pause') : [];
}

/**
 * The settings with the condition's action set. Stop is written as no entry (and no entries as no
 * map), as a format-1 file means it, so only Pauses are ever in the file.
 */
export function withAction(settings: WorkflowSettings, condition: ExitCondition, action: ExitAction, lastResume?: ResumeRule): WorkflowSettings {
  const actions = { ...settings.exitConditions.actions, [condition]: action };
  return withActions(settings, EXIT_CONDITION_IDS.filter((c) => actions[c] === 'pause'), lastResume);
}

/**
 * The settings with the condition ticked or unticked, the chosen ones in the catalogue's order.
 * Unticking drops the condition's Pause too: ticked again, it starts as Stop, like a new choice.
 */
export function withConditionChosen(settings: WorkflowSettings, condition: ExitCondition, chosen: boolean): WorkflowSettings {
  const { on } = settings.exitConditions;
  const next = EXIT_CONDITION_IDS.filter((c) => (c === condition ? chosen : on.includes(c)));
  const moved = { ...settings, exitConditions: { ...settings.exitConditions, on: next } };
  return chosen ? moved : withAction(moved, condition, 'stop');
}

/** The settings with the paused run's resume rule; call it with a silence `waitProblem` accepts. */
export function withResume(settings: WorkflowSettings, resume: ResumeRule): WorkflowSettings {
  return { ...settings, pause: { ...settings.pause, resume } };
}

/**
 * Writes exactly the pausing conditions, and keeps the resume rule in step with them: a Pause needs
 * one (the validator refuses a Pause without it), so the first Pause gets the last rule shown or the
 * default; with no Pause left the rule is dropped, since a resume rule that no condition uses means
 * nothing, and a file keeping it would read as if something paused.
 */
function withActions(settings: WorkflowSettings, pausing: readonly ExitCondition[], lastResume: ResumeRule | undefined): WorkflowSettings {
  const { actions: _actions, ...conditions } = settings.exitConditions;
  const { pause: _pause, ...rest } = settings;
  if (pausing.length === 0) return { ...rest, exitConditions: conditions };
  const actions: Partial<Record<ExitCondition, ExitAction>> = Object.fromEntries(pausing.map((condition) => [condition, 'pause']));
  return { ...rest, exitConditions: { ...conditions, actions }, pause: { ...settings.pause, resume: settings.pause?.resume ?? lastResume ?? DEFAULT_RESUME } };
}
