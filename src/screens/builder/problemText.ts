import type { WorkflowProblem } from '../../../simulator/schema/problem.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

/**
 * Where each step stands in the Workflow ("step 3": its place in the list of steps, from 1), for
 * the steps whose name another node shares — two steps both called "Send message" read the same
 * in a problem's message, and this is what tells them apart. Steps with a name of their own are
 * left out: their message already says which one it is.
 *
 * @example stepPlaces(workflow).get('send-message-2') // 'step 3'
 */
export function stepPlaces(workflow: Pick<Workflow, 'steps'>): ReadonlyMap<string, string> {
  // The validator names a step by its label, or by its id when it has none (and the trigger "The trigger").
  const names = new Map<string, number>();
  for (const step of workflow.steps) names.set(step.label || step.id, (names.get(step.label || step.id) ?? 0) + 1);
  const places = new Map<string, string>();
  workflow.steps.forEach((step, i) => {
    if ((names.get(step.label || step.id) ?? 0) > 1 && !places.has(step.id)) places.set(step.id, `step ${i + 1}`);
  });
  return places;
}

/** The problem's message, with the place of its step when another step has the same name ("… (step 3)"). */
export function problemText(problem: WorkflowProblem, places: ReadonlyMap<string, string>): string {
  const place = problem.stepId === undefined ? undefined : places.get(problem.stepId);
  return place ? `${problem.message} (${place})` : problem.message;
}

/** Whether there is something to show for the problem: a step, an edge or the settings. */
export const canShowProblem = (problem: WorkflowProblem): boolean => Boolean(problem.stepId || problem.edgeId || problem.path[0] === 'settings');
