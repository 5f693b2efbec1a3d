import { Graph, layout } from '@dagrejs/dagre';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { moveNodes, type Position } from '../../model/workflowEdits.ts';

/** The size a node is laid out with (the canvas draws steps about this big). */
export const NODE_SIZE = { width: 260, height: 84 } as const;

/**
 * Tidies the graph top to bottom (dagre, a maintained layered-graph layout): the trigger first,
 * each step below what leads to it, branch outputs side by side. The When stopped entry heads a
 * graph of its own, so its path is laid out beside the main flow, not over it. Positions are the
 * nodes' top-left corners, snapped to the canvas grid.
 */
export function autoLayout(workflow: Workflow, grid = 20): Workflow {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of [workflow.trigger.id, ...(workflow.whenStopped ? [workflow.whenStopped.id] : []), ...workflow.steps.map((step) => step.id)]) graph.setNode(id, { ...NODE_SIZE });
  for (const edge of workflow.edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  layout(graph);
  const snap = (value: number) => Math.round(value / grid) * grid;
  const positions = new Map<string, Position>();
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    positions.set(id, { x: snap(node.x - NODE_SIZE.width / 2), y: snap(node.y - NODE_SIZE.height / 2) });
  }
  return moveNodes(workflow, positions);
}
