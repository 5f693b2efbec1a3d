import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** Every node reachable along edges from `start`, `start` included (one breadth-first walk; loops end). */
export function downstreamOf(workflow: Workflow, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of workflow.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const target of next.get(queue[i] as string) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}
