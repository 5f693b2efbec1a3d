/** What a reference to a Workflow can match: its id, else its name. */
export interface WorkflowRefTarget {
  readonly id: string;
  readonly name: string;
}

/**
 * The Workflow a script, a "Trigger another Workflow" step or a Compare option names: the one
 * whose id it is, else the first whose name it is. Ids come first so a Workflow named like
 * another's id cannot take its place.
 *
 * @example resolveWorkflowRef(workflows, 'Lead nurture') // the Workflow named "Lead nurture", unless one has that id
 */
export function resolveWorkflowRef<T extends WorkflowRefTarget>(workflows: readonly T[], ref: string): T | undefined {
  return workflows[resolveWorkflowRefIndex(workflows, ref)];
}

/** Where `resolveWorkflowRef` finds the Workflow in the list; -1 when nothing answers to `ref`. */
export function resolveWorkflowRefIndex(workflows: readonly WorkflowRefTarget[], ref: string): number {
  const byId = workflows.findIndex((workflow) => workflow.id === ref);
  return byId >= 0 ? byId : workflows.findIndex((workflow) => workflow.name === ref);
}

/**
 * Every reference that resolves, with its answer, for a simulation that resolves them on every
 * event: the same answers as `resolveWorkflowRefIndex`, looked up in a map.
 */
export function indexWorkflowRefs(workflows: readonly WorkflowRefTarget[]): ReadonlyMap<string, number> {
  const index = new Map<string, number>();
  workflows.forEach((workflow, i) => {
    if (!index.has(workflow.id)) index.set(workflow.id, i);
  });
  workflows.forEach((workflow, i) => {
    if (!index.has(workflow.name)) index.set(workflow.name, i);
  });
  return index;
}
