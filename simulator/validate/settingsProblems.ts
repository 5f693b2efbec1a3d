import { exitConditionChoices } from '../schema/exitConditions.ts';
import type { WorkflowProblem } from '../schema/problem.ts';
import type { WorkflowSettings } from '../schema/settings.ts';

/**
 * The problems of a Workflow's stop settings alone (SPEC §2): exit conditions on with none chosen.
 * Part of `validateWorkflow`; the settings panel asks it too, so it shows the same rule.
 */
export function settingsProblems(settings: WorkflowSettings): WorkflowProblem[] {
  const { exitConditions } = settings;
  if (!exitConditions.enabled || exitConditions.on.length > 0) return [];
  return [
    {
      code: 'exit_conditions_empty',
      message: `Exit conditions are on but none is selected: pick ${exitConditionChoices()}`,
      path: ['settings', 'exitConditions', 'on'],
    },
  ];
}
