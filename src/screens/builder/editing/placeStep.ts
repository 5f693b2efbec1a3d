import type { Step } from '../../../../simulator/schema/step.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { nodeSize } from '../../../parts/canvas/nodeSize.ts';
import type { Box, Size } from '../../../parts/canvas/box.ts';
import { downstreamOf } from './downstreamOf.ts';
import { dropSource, type DropSource } from './dropSource.ts';
import { freeSpot, type SpacingOptions } from './freeSpot.ts';
import { nodeBoxes, type NodeBox, type NodeMeasure } from '../../../parts/canvas/nodeBoxes.ts';
import { pushDown } from './pushDown.ts';
import { addStep, connect, insertStepOnEdge, moveNodes, type Position } from '../../../model/workflowEdits.ts';

/** Where a new step goes: dropped at a point of the canvas, dropped on an edge, or added after a node (from the keyboard). */
export type Placement =
  | { readonly kind: 'point'; readonly pointer: Position }
  | { readonly kind: 'edge'; readonly pointer: Position; readonly edgeId: string }
  | { readonly kind: 'after'; readonly nodeId: string };

export interface PlaceOptions extends SpacingOptions {
  /** How near an output handle a drop lands on it (flow units). */
  readonly handleReach?: number;
  /**
   * How tall the new step will be drawn when the canvas knows better than `nodeSize` (the tallest
   * of its kind there). Its width is always its own (`nodeWidth`: wider for long output labels).
   */
  readonly height?: number;
}

/** What a placement did: `inserted` into an edge, `connected` after `after`, or only `placed`. */
export interface Placed {
  readonly workflow: Workflow;
  readonly how: 'inserted' | 'connected' | 'placed';
  /** The node the new step follows, when it follows one. */
  readonly after?: string;
}

/**
 * Adds a step where a person put it, as one edit (one undo step): into an edge, pushing what
 * follows down to make room; below a node, connected from its output (after a node whose outputs
 * are all taken, into the edge from its first); or where dropped. The step
 * never overlaps a node: a taken spot gives way to the nearest free one, below preferred.
 */
export function placeStep(workflow: Workflow, step: Step, placement: Placement, measures: ReadonlyMap<string, NodeMeasure>, { handleReach, height, gap = 20, grid = 20 }: PlaceOptions = {}): Placed {
  const own = nodeSize(step);
  const size: Size = { width: own.width, height: Math.max(own.height, height ?? 0) };
  const nodes = nodeBoxes(workflow, measures);
  const spacing = { gap, grid };
  const snap = (value: number) => Math.round(value / grid) * grid;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  /** The new step's box with its top-left corner snapped, centred on `x`, top or centre at `y`. */
  const boxAt = (x: number, y: number, centred: boolean): Box => ({ x: snap(x - size.width / 2), y: snap(centred ? y - size.height / 2 : y), ...size });
  /** The centre of the new step when it hangs from a node's output (or the node's middle when none is free). */
  const underOutput = (node: NodeBox, handle: string | null) => node.outputs.find((output) => output.handle === handle)?.at.x ?? node.box.x + node.box.width / 2;
  const at = (position: Position): Step => ({ ...step, position });

  // After a node whose outputs are all taken (the keyboard, on a step mid-flow): into the edge
  // leaving its first output, right below it, rather than unconnected below everything else.
  if (placement.kind === 'after') {
    const node = byId.get(placement.nodeId);
    const taken = node && firstFreeOutput(workflow, node) === null ? workflow.edges.find((edge) => edge.source === node.id && edge.sourceHandle === node.outputs[0]?.handle) : undefined;
    if (node && taken) placement = { kind: 'edge', edgeId: taken.id, pointer: { x: underOutput(node, taken.sourceHandle), y: node.box.y + node.box.height + 3 * gap + size.height / 2 } };
  }

  if (placement.kind === 'edge') {
    const edge = workflow.edges.find((candidate) => candidate.id === placement.edgeId);
    const source = edge ? byId.get(edge.source) : undefined;
    if (edge && source) {
      const following = new Set([...downstreamOf(workflow, edge.target)].filter((id) => id !== source.id && id !== workflow.trigger.id && (byId.get(id)?.box.y ?? -Infinity) > source.box.y));
      const want = boxAt(underOutput(source, edge.sourceHandle), placement.pointer.y, true);
      const position = freeSpot(want, nodes.filter((node) => !following.has(node.id)).map((node) => node.box), spacing);
      const pushed = pushDown({ ...want, ...position }, new Map(nodes.map((node) => [node.id, node.box])), following, spacing);
      return { workflow: moveNodes(insertStepOnEdge(workflow, edge.id, at(position)), pushed), how: 'inserted', after: source.id };
    }
  }

  let from: DropSource | null;
  let want: Box;
  if (placement.kind === 'after') {
    const node = byId.get(placement.nodeId);
    from = node ? { nodeId: node.id, sourceHandle: firstFreeOutput(workflow, node) } : null;
    want = node ? boxAt(underOutput(node, from?.sourceHandle ?? null), node.box.y + node.box.height + 3 * gap, false) : boxAt(0, 0, false);
  } else {
    from = dropSource(placement.pointer, nodes, workflow.edges, handleReach === undefined ? {} : { handleReach });
    const node = from?.sourceHandle ? byId.get(from.nodeId) : undefined;
    want = boxAt(node ? underOutput(node, from?.sourceHandle ?? null) : placement.pointer.x, placement.pointer.y, true);
  }
  const added = addStep(workflow, at(freeSpot(want, nodes.map((node) => node.box), spacing)));
  if (!from?.sourceHandle) return { workflow: added, how: 'placed' };
  const connected = connect(added, { source: from.nodeId, sourceHandle: from.sourceHandle, target: step.id });
  return connected === added ? { workflow: added, how: 'placed' } : { workflow: connected, how: 'connected', after: from.nodeId };
}

function firstFreeOutput(workflow: Workflow, node: NodeBox): string | null {
  return node.outputs.find((output) => !workflow.edges.some((edge) => edge.source === node.id && edge.sourceHandle === output.handle))?.handle ?? null;
}
