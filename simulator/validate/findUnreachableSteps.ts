import { reachableSteps } from './reachableSteps.ts';
import type { WorkflowGraph } from './workflowGraph.ts';

/** Step ids no path from the trigger or the When stopped entry reaches, in document order. */
export function findUnreachableSteps(graph: WorkflowGraph): string[] {
  const fromTrigger = reachableSteps(graph, graph.triggerId);
  const fromWhenStopped = graph.whenStoppedId === null ? new Set<string>() : reachableSteps(graph, graph.whenStoppedId);
  return [...graph.steps.keys()].filter((id) => !fromTrigger.has(id) && !fromWhenStopped.has(id));
}
