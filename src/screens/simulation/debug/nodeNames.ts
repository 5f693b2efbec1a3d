import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { TraceNames } from '../../../../simulator/trace/describeEntry.ts';
import { stepKind } from '../../../parts/canvas/steps/stepKinds.ts';
import { triggerName } from '../../../parts/canvas/steps/triggerName.ts';

/**
 * Each node's name as the canvas shows it — its label, else its kind's name — for the debugger's
 * words ("Fire now: Wait 24h", "Paused at the breakpoint on Wait 24h").
 */
export function nodeNames(workflow: Workflow): ReadonlyMap<string, string> {
  const names = new Map<string, string>([[workflow.trigger.id, workflow.trigger.label || triggerName(workflow.trigger.type)]]);
  if (workflow.whenStopped) names.set(workflow.whenStopped.id, workflow.whenStopped.label || 'When stopped');
  for (const step of workflow.steps) names.set(step.id, step.label || stepKind(step.type).name);
  return names;
}

/**
 * The trace's names with every node of `workflows` named as the canvas names it, quoted as the
 * trace quotes a step: the When stopped entry is "When stopped" (or its label), never its id, in
 * the trace, its Step filter, the breakpoint list and the paused line alike. A node no Workflow
 * here has (a step an earlier version dropped) keeps the name `names` gives it.
 */
export function withNodeNames(names: TraceNames, workflows: readonly Workflow[]): TraceNames {
  const byWorkflow = new Map(workflows.map((workflow) => [workflow.id, nodeNames(workflow)]));
  return {
    ...names,
    step: (workflowId, stepId) => {
      const name = byWorkflow.get(workflowId)?.get(stepId);
      return name === undefined ? names.step(workflowId, stepId) : `"${name}"`;
    },
  };
}
