import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS, exitConditionChoices } from '../schema/exitConditions.ts';
import type { WorkflowProblem } from '../schema/problem.ts';
import type { WorkflowSettings } from '../schema/settings.ts';

/**
 * The problems of a Workflow's stop settings alone (SPEC §2): exit conditions on with none chosen,
 * and a condition set to Pause, which the engine does not simulate yet (SPEC §8.3).
 * Part of `validateWorkflow`; the settings panel asks it too, so it shows the same rule.
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
  // SPEC §8.3 is not built yet: a Pause must be refused, not simulated as a stop.
  for (const condition of EXIT_CONDITION_IDS)
    if (exitConditions.actions?.[condition] === 'pause')
      problems.push({
        code: 'pause_not_simulated',
        message: `Pausing is not simulated yet: set ${EXIT_CONDITION_CATALOGUE[condition].label} to stop the run`,
        path: ['settings', 'exitConditions', 'actions', condition],
      });
  return problems;
}
