import { stepOutputs } from '../../../simulator/schema/step.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { NODE_SIZE } from './autoLayout.ts';
import type { Box, Size } from './box.ts';
import type { Position } from '../../model/workflowEdits.ts';

/** What the canvas measured of a node: its size and where its output handles are (centres, from its top-left corner). */
export interface NodeMeasure {
  readonly size: Size;
  readonly outputs: ReadonlyMap<string, Position>;
}

/** A node where the document puts it, with the size the canvas drew it at and its outputs' handles. */
export interface NodeBox {
  readonly id: string;
  readonly box: Box;
  /** In the node's order; `at` is the handle's centre on the canvas. */
  readonly outputs: readonly { readonly handle: string; readonly at: Position }[];
}

/**
 * The nodes of a Workflow (its two entries too) as boxes: positions from the document (so an edit made a moment ago
 * counts, even before the canvas drew it), sizes and handles as measured, or the size every node
 * is laid out with and the outputs spread along the bottom edge (as StepNode draws them) for a
 * node not measured yet.
 */
export function nodeBoxes(workflow: Workflow, measures: ReadonlyMap<string, NodeMeasure>): NodeBox[] {
  const entries = [workflow.trigger, ...(workflow.whenStopped ? [workflow.whenStopped] : [])].map((entry) => ({ id: entry.id, position: entry.position, outputs: ['next'] }));
  const nodes = [...entries, ...workflow.steps.map((step) => ({ id: step.id, position: step.position, outputs: stepOutputs(step) }))];
  return nodes.map(({ id, position = { x: 0, y: 0 }, outputs }) => {
    const measure = measures.get(id);
    const size = measure?.size ?? NODE_SIZE;
    return {
      id,
      box: { x: position.x, y: position.y, width: size.width, height: size.height },
      outputs: outputs.map((handle, i) => {
        const offset = measure?.outputs.get(handle) ?? { x: ((i + 0.5) * size.width) / outputs.length, y: size.height };
        return { handle, at: { x: position.x + offset.x, y: position.y + offset.y } };
      }),
    };
  });
}
