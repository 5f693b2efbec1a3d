import type { Workflow } from '../schema/workflow.ts';

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
  const starts = (starter: Workflow, target: Workflow) =>
    starter.steps.some((step) => step.type === 'trigger_workflow' && (step.workflow === target.id || step.workflow === target.name));
  while (queue.length > 0) {
    const current = queue.shift() as Workflow;
    for (const step of current.steps) {
      if (step.type !== 'trigger_workflow') continue;
      const target = stored.find((candidate) => candidate.id === step.workflow || candidate.name === step.workflow);
      if (target) add(target);
    }
    if (current.trigger.type === 'workflow_started') for (const starter of stored) if (starts(starter, current)) add(starter);
  }
  return [...chosen.values()];
}
