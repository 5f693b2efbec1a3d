import type { Simulation } from '../engine/simulation.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import type { TraceNames } from './describeEntry.ts';

/** Names for a simulation's ids: Workflow names, step labels, user and contact names. */
export function traceNames(sim: Simulation): TraceNames {
  const users = new Map<string, string>();
  for (let i = 0; sim.user(i); i++) {
    const user = sim.user(i);
    if (user) users.set(user.id, user.name);
  }
  // The latest version of a Workflow names it and its steps (a publish may rename them; an old step keeps its old name only when the new version dropped it).
  const workflowOf = (id: string) => sim.workflows.findLast((workflow) => workflow.id === id);
  return {
    workflow: (id) => workflowOf(id)?.name ?? id,
    step: (workflowId, stepId) => {
      const workflow = sim.workflows.findLast((version) => version.id === workflowId && version.nodeIndex.has(stepId)) ?? workflowOf(workflowId);
      const index = workflow?.nodeIndex.get(stepId);
      return index === undefined ? stepId : `"${workflow?.nodes[index]?.label ?? stepId}"`;
    },
    user: (id) => users.get(id) ?? id,
    contact: (id) => {
      const index = sim.feed.isPopulation ? Number(id.split('#')[1]) - 1 : sim.feed.indexOf(id);
      return index >= 0 ? sim.feed.contactName(index) : id;
    },
  };
}

/** Names from the documents themselves, for a trace that arrived as data (from the worker). */
export function traceNamesOf(workflows: readonly Workflow[], script: Pick<Script, 'users' | 'contacts'>): TraceNames {
  const byId = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  const users = new Map(script.users.map((user) => [user.id, user.name]));
  const contacts = new Map(script.contacts.map((contact) => [contact.id, contact.name || contact.id]));
  return {
    workflow: (id) => byId.get(id)?.name ?? id,
    step: (workflowId, stepId) => {
      const workflow = byId.get(workflowId);
      const label = workflow?.trigger.id === stepId ? workflow.trigger.label : workflow?.steps.find((step) => step.id === stepId)?.label;
      return `"${label ?? stepId}"`;
    },
    user: (id) => users.get(id) ?? id,
    contact: (id) => contacts.get(id) ?? id,
  };
}
