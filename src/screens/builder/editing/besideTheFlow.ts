import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { nodeBoxes, type NodeMeasure } from '../../../parts/canvas/nodeBoxes.ts';
import type { Position } from '../../../model/workflowEdits.ts';

/** The gap between the flow's right edge and a node put beside it. */
const GAP = 80;

/**
 * Where a second start node goes when added without dragging: level with the trigger, to the right
 * of every node, so its path grows downwards beside the main flow instead of over it.
 */
export function besideTheFlow(workflow: Workflow, measures: ReadonlyMap<string, NodeMeasure>, grid: number): Position {
  const boxes = nodeBoxes(workflow, measures);
  const right = Math.max(...boxes.map(({ box }) => box.x + box.width));
  const snapUp = (value: number) => Math.ceil(value / grid) * grid;
  return { x: snapUp(right + GAP), y: workflow.trigger.position?.y ?? 0 };
}
