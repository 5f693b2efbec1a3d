import { Graph, layout } from '@dagrejs/dagre';
import { stepOutputs } from '../../../simulator/schema/step.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { moveNodes, type Position } from '../../model/workflowEdits.ts';
import type { Size } from './box.ts';
import { layeredLayout } from './layeredLayout.ts';
import { NODE_SIZE, nodeSize } from './nodeSize.ts';
import { LARGE_GRAPH_NODES } from './largeGraph.ts';

/**
 * Tidies the graph top to bottom (dagre, a maintained layered-graph layout; past
 * `DAGRE_NODES_AT_MOST` nodes `layeredLayout`, which follows the same rules): the trigger first,
 * each step below what leads to it, what follows a branch side by side in the order of its
 * outputs. The When stopped entry heads a graph of its own, so its path is laid out beside the
 * main flow, not over it. Each node is laid out at its own size (`nodeSize`: a Stop reason branch
 * is wider than a Wait), so none overlap. Positions are the nodes' top-left corners, snapped to
 * the canvas grid. `dagreAtMost` moves the switch between the two (tests lay small graphs out both ways).
 */
export function autoLayout(workflow: Workflow, grid = 20, dagreAtMost = DAGRE_NODES_AT_MOST): Workflow {
  const sizes = new Map([workflow.trigger.id, ...(workflow.whenStopped ? [workflow.whenStopped.id] : [])].map((id) => [id, nodeSize()]));
  for (const step of workflow.steps) sizes.set(step.id, nodeSize(step));
  const outputs = new Map(workflow.steps.map((step) => [step.id, stepOutputs(step)]));
  const rank = (edge: Workflow['edges'][number]) => outputs.get(edge.source)?.indexOf(edge.sourceHandle) ?? 0;
  const edges = workflow.edges.filter((edge) => sizes.has(edge.source) && sizes.has(edge.target));
  const corners =
    sizes.size > dagreAtMost
      ? layeredLayout([...sizes].map(([id, size]) => ({ id, ...size })), edges.toSorted((a, b) => rank(a) - rank(b)), SPACING)
      : dagreLayout(sizes, edges.toSorted((a, b) => rank(b) - rank(a)));
  const snap = (value: number) => Math.round(value / grid) * grid;
  const positions = new Map<string, Position>();
  for (const [id, corner] of corners) positions.set(id, { x: snap(corner.x), y: snap(corner.y) });
  return moveNodes(workflow, positions);
}

const SPACING = { nodesep: 60, ranksep: 70 } as const;

/**
 * Past this many nodes (where the canvas too treats a graph as large) the plainer `layeredLayout`
 * lays the graph out instead of dagre: dagre's time grows fast — about 90 ms at 300 nodes, 0.4–1.4 s
 * at 1,000, all of it one task on the main thread after a click — and its recursion overflows the
 * stack on a path of a few thousand steps. The layered layout does 5,000 nodes in tens of ms.
 */
export const DAGRE_NODES_AT_MOST = LARGE_GRAPH_NODES;

/** Dagre's layout of the nodes; `edges` with each node's last output first. Top-left corners. */
function dagreLayout(sizes: ReadonlyMap<string, Size>, edges: readonly Workflow['edges'][number][]): Map<string, Position> {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', ...SPACING, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const [id, size] of sizes) graph.setNode(id, { ...size });
  // Dagre sets siblings it cannot tell apart in the reverse of the order their edges came in: given
  // each node's edges last output first, it puts what follows a node left to right in the order of
  // its outputs, each under its own label, and no two of its edges cross.
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  layout(graph);
  const corners = new Map<string, Position>();
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    const size = sizes.get(id) ?? NODE_SIZE;
    corners.set(id, { x: node.x - size.width / 2, y: node.y - size.height / 2 });
  }
  return corners;
}
