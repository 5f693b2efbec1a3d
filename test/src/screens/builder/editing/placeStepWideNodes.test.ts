import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { boxesOverlap } from '../../../../../src/parts/canvas/box.ts';
import { nodeBoxes, type NodeMeasure } from '../../../../../src/parts/canvas/nodeBoxes.ts';
import { NODE_SIZE } from '../../../../../src/parts/canvas/nodeSize.ts';
import { createStep } from '../../../../../src/parts/canvas/steps/stepKinds.ts';
import { placeStep } from '../../../../../src/screens/builder/editing/placeStep.ts';
import { deepFreeze } from '../../../../harness/deepFreeze.ts';
import { buildWorkflow, steps, type StepInput } from '../../../../harness/workflowFixtures.ts';

const NO_MEASURES = new Map<string, NodeMeasure>();

/** trigger → ack → wait straight down a column at x = 0, 120 px apart, and the given steps where they stand. */
function column(extra: readonly { input: StepInput; at: { x: number; y: number } }[] = [], edges: string[] = []): Workflow {
  const built = buildWorkflow({ steps: [steps.send('ack', 'Thanks'), steps.wait('wait', '24h'), ...extra.map(({ input }) => input)], edges: ['trigger>ack', 'ack>wait', ...edges] });
  const at = [{ x: 0, y: 120 }, { x: 0, y: 240 }, ...extra.map(({ at: position }) => position)];
  return deepFreeze({ ...built, trigger: { ...built.trigger, position: { x: 0, y: 0 } }, steps: built.steps.map((step, i) => ({ ...step, position: at[i] ?? { x: 0, y: 0 } })) });
}

/** Pairs of nodes whose boxes, at the size each is drawn (`nodeSize`), overlap. */
function overlaps(workflow: Workflow): string[] {
  const nodes = nodeBoxes(workflow, NO_MEASURES);
  return nodes.flatMap((a, i) => nodes.slice(i + 1).flatMap((b) => (boxesOverlap(a.box, b.box) ? [`${a.id} / ${b.id}`] : [])));
}
const boxOf = (workflow: Workflow, id: string) => nodeBoxes(workflow, NO_MEASURES).find((node) => node.id === id)?.box;

describe('placeStep with wide nodes', () => {
  it('drops a Stop reason branch where a node of NODE_SIZE would fit but it does not: it moves to a free spot, at its own width', () => {
    const workflow = column([{ input: steps.send('aside', 'Hi'), at: { x: 560, y: 240 } }]);
    const placed = placeStep(workflow, createStep('stop_reason_branch', 'why', { x: 0, y: 0 }), { kind: 'point', pointer: { x: 420, y: 280 } }, NO_MEASURES);
    expect(boxOf(placed.workflow, 'why')?.width).toBeGreaterThan(NODE_SIZE.width);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('keeps a drop off the part of a wide node beyond NODE_SIZE, before the canvas has measured it', () => {
    const workflow = column([{ input: steps.stopReasonBranch('why'), at: { x: 0, y: 400 } }]);
    const wide = boxOf(workflow, 'why');
    expect(wide?.width).toBeGreaterThan(NODE_SIZE.width + 100);
    const placed = placeStep(workflow, createStep('wait', 'later', { x: 0, y: 0 }), { kind: 'point', pointer: { x: NODE_SIZE.width + 150, y: 440 } }, NO_MEASURES);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('inserts a Stop reason branch into an edge and pushes down what follows under any part of it, not only under NODE_SIZE', () => {
    // wait is far below; `later` follows it, beside the column: clear of a 260-wide step under ack, not of a 500-wide one.
    const base = column([{ input: steps.send('later', 'Bye'), at: { x: 300, y: 260 } }], ['wait>later']);
    const workflow = deepFreeze({ ...base, steps: base.steps.map((step) => (step.id === 'wait' ? { ...step, position: { x: 0, y: 640 } } : step)) });
    const placed = placeStep(workflow, createStep('stop_reason_branch', 'why', { x: 0, y: 0 }), { kind: 'edge', edgeId: 'e1', pointer: { x: 130, y: 230 } }, NO_MEASURES);
    expect(placed.how).toBe('inserted');
    expect(boxOf(placed.workflow, 'why')?.x).toBeLessThan(300 - NODE_SIZE.width);
    expect(boxOf(placed.workflow, 'later')?.y).toBeGreaterThan(260);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('takes a height from the canvas (the tallest of its kind) but never a width: the step is as wide as its own outputs need', () => {
    for (const options of [{ height: 200 }]) {
      const placed = placeStep(column(), createStep('stop_reason_branch', 'why', { x: 0, y: 0 }), { kind: 'point', pointer: { x: 1000, y: 0 } }, NO_MEASURES, options);
      const box = boxOf(placed.workflow, 'why');
      // Centred on the pointer at its own width (to the grid), its top half the given height above it.
      expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - 1000)).toBeLessThanOrEqual(10);
      expect(box?.width).toBeGreaterThan(NODE_SIZE.width);
      expect(box?.y).toBe(-100);
    }
  });
});
