import type { Workflow } from '../../../simulator/schema/workflow.ts';

/**
 * The Workflows a simulation of one Workflow needs: itself, and every stored Workflow it starts
 * with "Trigger another Workflow" (by id or name), and theirs in turn. Other Workflows stay out,
 * so the simulation shows this one Workflow's behaviour.
 */
export function workflowsToSimulate(workflow: Workflow, stored: readonly Workflow[]): Workflow[] {
  const chosen = new Map<string, Workflow>([[workflow.id, workflow]]);
  const queue = [workflow];
  while (queue.length > 0) {
    const current = queue.shift() as Workflow;
    for (const step of current.steps) {
      if (step.type !== 'trigger_workflow') continue;
      const target = stored.find((candidate) => candidate.id === step.workflow || candidate.name === step.workflow);
      if (target && !chosen.has(target.id)) {
        chosen.set(target.id, target);
        queue.push(target);
      }
    }
  }
  return [...chosen.values()];
}
