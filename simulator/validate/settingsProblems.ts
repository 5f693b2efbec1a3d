import { EXIT_CONDITION_CATALOGUE, exitConditionChoices } from '../schema/exitConditions.ts';
import type { WorkflowProblem } from '../schema/problem.ts';
import type { WorkflowSettings } from '../schema/settings.ts';

/**
 * The problems of a Workflow's stop settings alone: exit conditions on with none chosen, and a
 * chosen condition set to pause the run while nothing says when a paused run resumes (it would
 * stay paused for good). Part of `validateWorkflow`; the settings panel asks it too, so it shows
 * the same rule.
 */
export function settingsProblems(settings: WorkflowSettings): WorkflowProblem[] {
  const { exitConditions } = settings;
  const problems: WorkflowProblem[] = [];
  if (exitConditions.enabled && exitConditions.on.length === 0)
    problems.push({
      code: 'exit_conditions_empty',
      message: `Exit conditions are on but none is selected: pick ${exitConditionChoices()}`,
      path: ['settings', 'exitConditions', 'on'],
    });
  const pausing = exitConditions.enabled ? exitConditions.on.filter((condition) => exitConditions.actions?.[condition] === 'pause') : [];
  if (pausing.length > 0 && settings.pause?.resume === undefined)
    problems.push({
      code: 'pause_without_resume',
      message: `${pausing.map((condition) => EXIT_CONDITION_CATALOGUE[condition].label).join(' and ')} ${pausing.length === 1 ? 'pauses' : 'pause'} the run, but nothing says when it resumes: choose after how long without a message from your team, or when the conversation is closed`,
      path: ['settings', 'pause', 'resume'],
    });
  return problems;
}
