import { stepOutputs, type Step } from '../../../simulator/schema/step.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { nodeSize, outputHandleX } from './nodeSize.ts';
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
 * counts, even before the canvas drew it), sizes and handles as measured, or for a node not
 * measured yet its own `nodeSize` (wider for long output labels) and its outputs in their slots
 * along the bottom edge, as StepNode draws them.
 */
export function nodeBoxes(workflow: Workflow, measures: ReadonlyMap<string, NodeMeasure>): NodeBox[] {
  const entries = [workflow.trigger, ...(workflow.whenStopped ? [workflow.whenStopped] : [])].map((entry) => ({ id: entry.id, position: entry.position, outputs: ['next'], step: undefined as Step | undefined }));
  const nodes = [...entries, ...workflow.steps.map((step) => ({ id: step.id, position: step.position, outputs: stepOutputs(step), step }))];
  return nodes.map(({ id, position = { x: 0, y: 0 }, outputs, step }) => {
    const measure = measures.get(id);
    const size = measure?.size ?? nodeSize(step);
    return {
      id,
      box: { x: position.x, y: position.y, width: size.width, height: size.height },
      outputs: outputs.map((handle, i) => {
        const offset = measure?.outputs.get(handle) ?? { x: outputHandleX(size.width, outputs.length, i), y: size.height };
        return { handle, at: { x: position.x + offset.x, y: position.y + offset.y } };
      }),
    };
  });
}
