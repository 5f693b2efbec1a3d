import type { WorkflowDiff } from '../../../../simulator/graph/workflowDiff.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** How a node or an edge differs on one canvas: the older one shows what went, the newer one what came. */
export type CompareMark = 'added' | 'removed' | 'changed';
export type CompareCanvasSide = 'older' | 'newer';

export const MARK_WORDS: Record<CompareMark, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

export interface CanvasMarks {
  /** By node id: steps, and the trigger or the When stopped entry when they differ. */
  readonly nodes: ReadonlyMap<string, CompareMark>;
  /** By what an edge joins (the diff's `edgeKey`). */
  readonly edges: ReadonlyMap<string, CompareMark>;
}

/** What one canvas of a comparison marks, read off the diff: the UI adds no judgement of its own. */
export function canvasMarks(diff: WorkflowDiff, workflow: Workflow, side: CompareCanvasSide): CanvasMarks {
  const nodes = new Map<string, CompareMark>();
  const own: CompareMark = side === 'older' ? 'removed' : 'added';
  for (const step of side === 'older' ? diff.steps.removed : diff.steps.added) nodes.set(step.id, own);
  for (const step of diff.steps.changed) nodes.set(step.id, 'changed');
  if (diff.trigger.length > 0) nodes.set(workflow.trigger.id, 'changed');
  if (workflow.whenStopped && diff.whenStopped.length > 0) {
    const onlyHere = diff.whenStopped.some((change) => (side === 'older' ? change.after : change.before) === 'not set');
    nodes.set(workflow.whenStopped.id, onlyHere ? own : 'changed');
  }
  const edges = new Map<string, CompareMark>();
  for (const edge of side === 'older' ? diff.edges.removed : diff.edges.added) edges.set(edge.key, own);
  return { nodes, edges };
}
