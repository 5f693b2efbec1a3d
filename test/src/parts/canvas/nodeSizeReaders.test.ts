import { describe, expect, it } from 'vitest';
import { stepSchema } from '../../../../simulator/schema/step.ts';
import { syncNodes } from '../../../../src/parts/canvas/flowElements.ts';
import { nodeBoxes } from '../../../../src/parts/canvas/nodeBoxes.ts';
import { SIMULATED_NODE_WIDTH, simulatedNodeWidth } from '../../../../src/parts/canvas/NodeOverlay.tsx';
import { NODE_SIZE, nodeSize, nodeWidth, outputHandleX } from '../../../../src/parts/canvas/nodeSize.ts';
import { buildWorkflow, steps } from '../../../harness/workflowFixtures.ts';

const why = stepSchema.parse({ ...steps.stopReasonBranch('why'), position: { x: 100, y: 200 } });
const workflow = (() => {
  const built = buildWorkflow({ steps: [steps.wait('wait', '1h')], edges: ['trigger>wait'] });
  return { ...built, whenStopped: { id: 'when-stopped', label: '', position: { x: 100, y: 0 } }, steps: [...built.steps, why] };
})();

/** Every place that assumes a node's size before the browser measures it reads nodeWidth / nodeSize, not a number of its own. */
describe('what reads a node’s size', () => {
  it('flowElements pre-sizes each node at its own size, its output handles in their slots along the bottom', () => {
    const nodes = syncNodes([], workflow, new Map(), new Set());
    const wide = nodes.find((node) => node.id === 'why');
    expect(wide).toMatchObject({ initialWidth: nodeWidth(why), initialHeight: nodeSize(why).height });
    const sources = wide?.handles?.filter((handle) => handle.type === 'source') ?? [];
    expect(sources.map((handle) => handle.id)).toEqual(['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else']);
    expect(sources.map((handle) => handle.x + (handle.width ?? 0) / 2)).toEqual(sources.map((_, i) => outputHandleX(nodeWidth(why), 5, i)));
    for (const id of ['trigger', 'when-stopped', 'wait']) expect(nodes.find((node) => node.id === id)).toMatchObject({ initialWidth: NODE_SIZE.width, initialHeight: NODE_SIZE.height });
  });

  it('nodeBoxes gives a node not measured yet its own size and handles; a measured one keeps what was measured', () => {
    const boxes = nodeBoxes(workflow, new Map());
    const wide = boxes.find((node) => node.id === 'why');
    expect(wide?.box).toEqual({ x: 100, y: 200, ...nodeSize(why) });
    expect(wide?.outputs.map((output) => output.at)).toEqual([0, 1, 2, 3, 4].map((i) => ({ x: 100 + outputHandleX(nodeWidth(why), 5, i), y: 200 + nodeSize(why).height })));
    const measured = nodeBoxes(workflow, new Map([['why', { size: { width: 640, height: 130 }, outputs: new Map() }]]));
    expect(measured.find((node) => node.id === 'why')?.box).toEqual({ x: 100, y: 200, width: 640, height: 130 });
  });

  it('the simulator lays a node out with its card, the gap and the badge lane beside it', () => {
    expect(simulatedNodeWidth(why) - nodeWidth(why)).toBe(SIMULATED_NODE_WIDTH - NODE_SIZE.width);
    expect(simulatedNodeWidth()).toBe(SIMULATED_NODE_WIDTH);
    expect(simulatedNodeWidth(why)).toBeGreaterThan(SIMULATED_NODE_WIDTH);
  });
});
