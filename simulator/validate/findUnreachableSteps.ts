import type { WorkflowGraph } from './workflowGraph.ts';

/** Step ids no path from the trigger reaches, in document order. */
export function findUnreachableSteps(graph: WorkflowGraph): string[] {
  const seen = new Set<string>([graph.triggerId]);
  const stack = [graph.triggerId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return [...graph.steps.keys()].filter((id) => !seen.has(id));
}
