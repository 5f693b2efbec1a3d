import { kindOf, stepOutputs, type Step } from '../schema/step.ts';
import type { Workflow } from '../schema/workflow.ts';

/** The Workflow as a directed graph of node ids: trigger and steps, edges and jumps. */
export interface WorkflowGraph {
  readonly triggerId: string;
  /** The When stopped entry's id, or null when the Workflow has none. */
  readonly whenStoppedId: string | null;
  readonly steps: ReadonlyMap<string, Step>;
  /** Successors of each node id, from edges whose ends exist and from Jump to targets. */
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

export function buildWorkflowGraph(workflow: Workflow): WorkflowGraph {
  const steps = new Map<string, Step>();
  for (const step of workflow.steps) if (!steps.has(step.id)) steps.set(step.id, step);
  const successors = new Map<string, string[]>([[workflow.trigger.id, []]]);
  const whenStoppedId = workflow.whenStopped?.id ?? null;
  if (whenStoppedId !== null) successors.set(whenStoppedId, []);
  for (const id of steps.keys()) successors.set(id, []);
  const graph = { triggerId: workflow.trigger.id, whenStoppedId, steps, successors };
  // Only edges the engine can follow: from an output the source really has, to a step.
  for (const edge of workflow.edges) {
    const from = successors.get(edge.source);
    if (from && steps.has(edge.target) && hasOutput(graph, edge.source, edge.sourceHandle)) from.push(edge.target);
  }
  for (const step of steps.values()) {
    const target = kindOf(step).jumpTarget?.(step);
    if (target !== undefined && steps.has(target)) successors.get(step.id)?.push(target);
  }
  return graph;
}

/** True when `handle` is an output of the node `id` (the trigger and the When stopped entry have one output, `next`). */
export function hasOutput(graph: WorkflowGraph, id: string, handle: string): boolean {
  if (id === graph.triggerId || id === graph.whenStoppedId) return handle === 'next';
  const step = graph.steps.get(id);
  return step !== undefined && stepOutputs(step).includes(handle);
}
