import type { Workflow } from '../../../../simulator/schema/workflow.ts';
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
