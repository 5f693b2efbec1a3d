import { Graph, layout } from '@dagrejs/dagre';
import { stepOutputs } from '../../../simulator/schema/step.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { moveNodes, type Position } from '../../model/workflowEdits.ts';
import { NODE_SIZE, nodeSize } from './nodeSize.ts';

/** For the screens that still read it from here; it lives in nodeSize.ts with the node's own size (`nodeSize`). */

/**
 * Tidies the graph top to bottom (dagre, a maintained layered-graph layout): the trigger first,
 * each step below what leads to it, what follows a branch side by side in the order of its
 * outputs. The When stopped entry heads a graph of its own, so its path is laid out beside the
 * main flow, not over it. Each node is laid out at its own size (`nodeSize`: a Stop reason branch
 * is wider than a Wait), so none overlap. Positions are the nodes' top-left corners, snapped to
 * the canvas grid.
 */
export function autoLayout(workflow: Workflow, grid = 20): Workflow {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map([workflow.trigger.id, ...(workflow.whenStopped ? [workflow.whenStopped.id] : [])].map((id) => [id, nodeSize()]));
  for (const step of workflow.steps) sizes.set(step.id, nodeSize(step));
  for (const [id, size] of sizes) graph.setNode(id, { ...size });
  // Dagre sets siblings it cannot tell apart in the reverse of the order their edges came in: given
  // each node's edges last output first, it puts what follows a node left to right in the order of
  // its outputs, each under its own label, and no two of its edges cross.
  const outputs = new Map(workflow.steps.map((step) => [step.id, stepOutputs(step)]));
  const rank = (edge: Workflow['edges'][number]) => outputs.get(edge.source)?.indexOf(edge.sourceHandle) ?? 0;
  for (const edge of workflow.edges.toSorted((a, b) => rank(b) - rank(a))) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  layout(graph);
  const snap = (value: number) => Math.round(value / grid) * grid;
  const positions = new Map<string, Position>();
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    const size = sizes.get(id) ?? NODE_SIZE;
    positions.set(id, { x: snap(node.x - size.width / 2), y: snap(node.y - size.height / 2) });
  }
  return moveNodes(workflow, positions);
}
