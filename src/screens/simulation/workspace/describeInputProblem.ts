import type { InputProblem } from '../../../../simulator/schema/result.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/**
 * One problem the engine found in the inputs, naming the document it is in: two Workflows can
 * have the same problem at the same path, and a line without its Workflow says neither which.
 *
 * @example describeInputProblem({ source: 'workflow', index: 1, path: '$.steps[0]', message: '…' }, workflows, 'Hand-back')
 *   // 'Workflow "Demo reminder", $.steps[0]: …'
 */
export function describeInputProblem(problem: InputProblem, workflows: readonly Workflow[], scriptName: string): string {
  const where = problem.source === 'workflow' ? `Workflow "${workflows[problem.index]?.name ?? `number ${problem.index + 1}`}"` : `Script "${scriptName}"`;
  return `${where}, ${problem.path}: ${problem.message}`;
}
