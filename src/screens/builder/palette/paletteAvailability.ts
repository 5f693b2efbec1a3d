import { STEP_KINDS, type StepType } from '../../../../simulator/schema/step.ts';
import { reachableSteps } from '../../../../simulator/validate/reachableSteps.ts';
import { buildWorkflowGraph } from '../../../../simulator/validate/workflowGraph.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** Why a kind cannot follow a node of the When stopped path, in the palette's words. */
export const NOT_ON_WHEN_STOPPED = 'Not on the When stopped path: it runs in the instant of the stop, so nothing on it may wait or jump';

/** Why the When stopped entry cannot be added again. */
export const ONE_WHEN_STOPPED = 'This Workflow already has its When stopped entry: there is at most one';

/**
 * The kinds the palette offers disabled, each with its reason: while the one selected node is on
 * the When stopped path (its entry or a step it reaches), the kinds the engine allows on the
 * trigger's path only (each kind's `allowedOn`, which the validator checks too).
 */
export function unavailableKinds(workflow: Workflow, selectedIds: readonly string[]): ReadonlyMap<StepType, string> {
  const entry = workflow.whenStopped?.id;
  const [only] = selectedIds;
  if (entry === undefined || selectedIds.length !== 1 || only === undefined) return new Map();
  const onPath = only === entry || reachableSteps(buildWorkflowGraph(workflow), entry).has(only);
  if (!onPath) return new Map();
  return new Map(Object.values(STEP_KINDS).flatMap((kind) => (kind.allowedOn === 'trigger' ? [[kind.type, NOT_ON_WHEN_STOPPED] as const] : [])));
}
