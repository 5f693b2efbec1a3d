import type { Workflow } from '../schema/workflow.ts';
import { reachableSteps } from './reachableSteps.ts';
import { buildWorkflowGraph } from './workflowGraph.ts';

/**
 * Why a test run of the Workflow cannot start at this step, or null when it can: the step must
 * exist and belong to the main flow (reachable from the trigger). A step only the When stopped
 * path reaches runs after a stop, never in a run of its own.
 *
 * @example testRunStartProblem(followUp, 'wait-24h') // null
 */
export function testRunStartProblem(workflow: Workflow, stepId: string): string | null {
  const graph = buildWorkflowGraph(workflow);
  if (stepId === graph.triggerId) return null;
  if (!graph.steps.has(stepId) && stepId !== graph.whenStoppedId) return `"${workflow.name}" has no step "${stepId}"`;
  if (!reachableSteps(graph, graph.triggerId).has(stepId))
    return stepId === graph.whenStoppedId || (graph.whenStoppedId !== null && reachableSteps(graph, graph.whenStoppedId).has(stepId))
      ? `Step "${stepId}" is on the When stopped path, which runs only after a stop: start a test run on the main flow`
      : `Step "${stepId}" is not reached from the trigger: start a test run on the main flow`;
  return null;
}
