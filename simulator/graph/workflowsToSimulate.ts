import { kindOf, type Step } from '../schema/step.ts';
import type { Workflow } from '../schema/workflow.ts';
import { resolveWorkflowRef } from './resolveWorkflowRef.ts';

/**
 * The Workflows a simulation of one Workflow needs: itself, every stored Workflow it starts with
 * "Trigger another Workflow" (by id or name), and theirs in turn. A Workflow whose trigger is
 * "Started by another Workflow" runs only when one of them starts it, so the stored Workflows that
 * do come too (with what they start). Other Workflows stay out, so the simulation shows this one
 * Workflow's behaviour.
 */
export function workflowsToSimulate(workflow: Workflow, stored: readonly Workflow[]): Workflow[] {
  const chosen = new Map<string, Workflow>([[workflow.id, workflow]]);
  const queue = [workflow];
  const add = (candidate: Workflow) => {
    if (chosen.has(candidate.id)) return;
    chosen.set(candidate.id, candidate);
    queue.push(candidate);
  };
  // What a step starts, among the stored Workflows, as the engine resolves it (by id, then by name).
  const startedBy = (step: Step) => {
    const ref = kindOf(step).startsWorkflow?.(step);
    return ref === undefined ? undefined : resolveWorkflowRef(stored, ref);
  };
  const starts = (starter: Workflow, target: Workflow) => starter.steps.some((step) => startedBy(step)?.id === target.id);
  while (queue.length > 0) {
    const current = queue.shift() as Workflow;
    for (const step of current.steps) {
      const target = startedBy(step);
      if (target) add(target);
    }
    if (current.trigger.type === 'workflow_started') for (const starter of stored) if (starts(starter, current)) add(starter);
  }
  return [...chosen.values()];
}
