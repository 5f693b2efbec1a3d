import type { Edge } from '../../../../simulator/schema/workflow.ts';
import type { Box } from '../../../parts/canvas/box.ts';
import type { NodeBox } from '../../../parts/canvas/nodeBoxes.ts';
import type { Position } from '../../../model/workflowEdits.ts';

/** How far below a node a drop still means "after this node", in node heights. */
export const BELOW_REACH = 1.5;

/** The node a drop follows, and the output to connect it from (`null` when every output is in use). */
export interface DropSource {
  readonly nodeId: string;
  readonly sourceHandle: string | null;
}

/**
 * Which node a step dropped at `pointer` comes after: the node of the output handle within
 * `handleReach` of the pointer, else the node just below which it was dropped (the pointer within
 * its width and at most BELOW_REACH of its heights under it; the nearest such node). It connects
 * from the output under the pointer when that one is free, else the node's first free output.
 * A drop on a node, or anywhere else, follows nothing.
 */
export function dropSource(pointer: Position, nodes: readonly NodeBox[], edges: readonly Edge[], { handleReach = 16 }: { readonly handleReach?: number } = {}): DropSource | null {
  const used = new Set(edges.map((edge) => `${edge.source}\u0000${edge.sourceHandle}`));
  const free = (nodeId: string, handle: string) => !used.has(`${nodeId}\u0000${handle}`);
  const choose = (node: NodeBox, under: string | undefined): DropSource => ({
    nodeId: node.id,
    sourceHandle: under !== undefined && free(node.id, under) ? under : (node.outputs.find((output) => free(node.id, output.handle))?.handle ?? null),
  });

  let nearestHandle: { node: NodeBox; handle: string; distance: number } | null = null;
  for (const node of nodes) {
    for (const output of node.outputs) {
      const distance = Math.hypot(output.at.x - pointer.x, output.at.y - pointer.y);
      if (distance <= handleReach && (!nearestHandle || distance < nearestHandle.distance)) nearestHandle = { node, handle: output.handle, distance };
    }
  }
  if (nearestHandle) return choose(nearestHandle.node, nearestHandle.handle);

  const within = (box: Box) => pointer.x >= box.x && pointer.x <= box.x + box.width;
  if (nodes.some(({ box }) => within(box) && pointer.y >= box.y && pointer.y <= box.y + box.height)) return null;
  let above: NodeBox | null = null;
  for (const node of nodes) {
    const bottom = node.box.y + node.box.height;
    if (!within(node.box) || pointer.y <= bottom || pointer.y > bottom + BELOW_REACH * node.box.height) continue;
    if (!above || bottom > above.box.y + above.box.height) above = node;
  }
  if (!above) return null;
  // The output whose handle is nearest the pointer's column.
  const under = above.outputs.reduce<{ handle: string; dx: number } | null>((best, output) => {
    const dx = Math.abs(output.at.x - pointer.x);
    return !best || dx < best.dx ? { handle: output.handle, dx } : best;
  }, null);
  return choose(above, under?.handle);
}
