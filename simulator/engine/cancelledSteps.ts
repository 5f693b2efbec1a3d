import type { Workflow } from '../schema/workflow.ts';
import { buildWorkflowGraph } from '../validate/workflowGraph.ts';

/**
 * The steps a stopped run will never execute because it stopped at `atStep`: every step reachable
 * from there (along edges and jumps) that the run had not executed — the 24 h follow-up after
 * the Wait it stopped in. A step reached again by a loop is cancelled too.
 */
export function cancelledSteps(workflow: Workflow, atStep: string, executed: ReadonlySet<string>): string[] {
  const graph = buildWorkflowGraph(workflow);
  const seen = new Set<string>([atStep]);
  const queue = [...(graph.successors.get(atStep) ?? [])];
  const cancelled: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!executed.has(id)) cancelled.push(id);
    queue.push(...(graph.successors.get(id) ?? []));
  }
  return cancelled;
}
