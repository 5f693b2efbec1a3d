import type { NodeChange } from '@xyflow/react';
import type { Size } from './box.ts';
import type { WorkflowFlowNode } from './flowElements.ts';

/**
 * The nodes' sizes as React Flow measured them, with `changes` applied: the same map when no size
 * changed, so a read-only canvas that lays out by measured sizes re-renders only when one did.
 */
export function withMeasured(sizes: ReadonlyMap<string, Size>, changes: readonly NodeChange<WorkflowFlowNode>[]): ReadonlyMap<string, Size> {
  let next: Map<string, Size> | null = null;
  for (const change of changes) {
    if (change.type !== 'dimensions' || !change.dimensions) continue;
    const before = sizes.get(change.id);
    if (before && before.width === change.dimensions.width && before.height === change.dimensions.height) continue;
    next ??= new Map(sizes);
    next.set(change.id, change.dimensions);
  }
  return next ?? sizes;
}
