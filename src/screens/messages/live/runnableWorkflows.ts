import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../../../simulator/validate/validateWorkflow.ts';

export interface RunnableWorkflows {
  readonly running: readonly Workflow[];
  /** Stored Workflows the live session leaves out, each with why. */
  readonly left: readonly { readonly workflow: Workflow; readonly problems: number }[];
}

/**
 * The stored Workflows a live session can run: those the validator passes. Leaving one out can
 * break another that triggers it, so this repeats until nothing more drops.
 */
export function runnableWorkflows(documents: readonly Workflow[]): RunnableWorkflows {
  let running = [...documents];
  const left: { workflow: Workflow; problems: number }[] = [];
  for (;;) {
    const failing = running
      .map((workflow) => ({ workflow, problems: validateWorkflow(workflow, { workflows: running }).length }))
      .filter((entry) => entry.problems > 0);
    if (failing.length === 0) return { running, left };
    left.push(...failing);
    running = running.filter((workflow) => !failing.some((entry) => entry.workflow === workflow));
  }
}
