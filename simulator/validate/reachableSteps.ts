import type { WorkflowGraph } from './workflowGraph.ts';

/** Step ids a path from node `root` reaches (along edges and jumps), `root` itself left out. */
export function reachableSteps(graph: WorkflowGraph, root: string): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  seen.delete(root);
  return seen;
}
