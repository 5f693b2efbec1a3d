import type { WorkflowDiff } from '../../../../simulator/graph/workflowDiff.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The comparison in one line: "2 steps changed, 1 added, 0 removed; settings unchanged". */
export function summarizeDiff(diff: WorkflowDiff): string {
  const { steps, edges } = diff;
  const parts = [`${count(steps.changed.length, 'step')} changed, ${steps.added.length} added, ${steps.removed.length} removed`];
  if (edges.added.length + edges.removed.length > 0) parts.push(`${count(edges.added.length, 'connection')} added, ${edges.removed.length} removed`);
  if (steps.moved.length > 0) parts.push(`${count(steps.moved.length, 'step')} moved`);
  parts.push(diff.settings.length === 0 ? 'settings unchanged' : `${count(diff.settings.length, 'setting')} changed`);
  if (diff.trigger.length > 0) parts.push('trigger changed');
  if (diff.whenStopped.length > 0) parts.push('When stopped entry changed');
  if (diff.details.length > 0) parts.push('name or description changed');
  return parts.join('; ');
}
