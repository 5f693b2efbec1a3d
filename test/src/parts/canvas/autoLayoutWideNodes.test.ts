import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { autoLayout as layoutAnyWay, DAGRE_NODES_AT_MOST } from '../../../../src/parts/canvas/autoLayout.ts';
import { boxesOverlap } from '../../../../src/parts/canvas/box.ts';
import { nodeBoxes } from '../../../../src/parts/canvas/nodeBoxes.ts';
import { NODE_SIZE, nodeWidth } from '../../../../src/parts/canvas/nodeSize.ts';
import { deepFreeze } from '../../../harness/deepFreeze.ts';
import { buildWorkflow, steps, type BranchPathInput } from '../../../harness/workflowFixtures.ts';

const paths = (...ids: string[]): BranchPathInput[] => ids.map((id) => ({ id, label: `Customers on the ${id} plan`, conditions: [{ subject: 'tag', operator: 'has', tag: id }] }));

/**
 * A Branch of four paths whose first two lead to Branches of four paths (side by side, in one
 * row), and a When stopped path through a Stop reason branch to a step per reason: every wide
 * node beside another, all first placed at the origin.
 */
function wideFlow(): Workflow {
  const built = buildWorkflow({
    steps: [
      steps.branch('plan', paths('pro', 'team', 'free', 'trial')),
      steps.branch('pro-seats', paths('one', 'few', 'many', 'all')),
      steps.branch('team-seats', paths('one', 'few', 'many', 'all')),
      steps.end('done'),
      steps.stopReasonBranch('why'),
      ...['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'].map((reason) => steps.tag(`after-${reason}`, 'add', reason)),
    ],
    edges: ['trigger>plan', 'plan:pro>pro-seats', 'plan:team>team-seats', 'plan:else>done'],
  });
  const pathEdges = ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'].map((reason) => ({ id: `w-${reason}`, source: 'why', sourceHandle: reason, target: `after-${reason}` }));
  return deepFreeze({
    ...built,
    whenStopped: { id: 'when-stopped', label: '', position: { x: 0, y: 0 } },
    edges: [...built.edges, { id: 'w-entry', source: 'when-stopped', sourceHandle: 'next', target: 'why' }, ...pathEdges],
  });
}

// The same rules for dagre's layout (small graphs) and the layered one (large graphs).
describe.each([
  ['dagre', DAGRE_NODES_AT_MOST],
  ['layered', 0],
])('autoLayout with nodes wider than NODE_SIZE (%s)', (_name, dagreAtMost) => {
  const autoLayout = (workflow: Workflow) => layoutAnyWay(workflow, undefined, dagreAtMost);
  it('lays each node out at its own width: no two boxes intersect, side by side or above one another', () => {
    const laid = autoLayout(wideFlow());
    const boxes = nodeBoxes(laid, new Map());
    expect(boxes.find((node) => node.id === 'why')?.box.width).toBe(nodeWidth(laid.steps.find((step) => step.id === 'why')));
    expect(boxes.find((node) => node.id === 'pro-seats')?.box.width).toBeGreaterThan(NODE_SIZE.width);
    const intersecting = boxes.flatMap((a, i) => boxes.slice(i + 1).flatMap((b) => (boxesOverlap(a.box, b.box) ? [`${a.id} / ${b.id}`] : [])));
    expect(intersecting).toEqual([]);
  });

  it('centres a wide node over what follows it, as a narrow one', () => {
    const laid = autoLayout(wideFlow());
    const box = (id: string) => nodeBoxes(laid, new Map()).find((node) => node.id === id)?.box ?? { x: NaN, y: NaN, width: NaN, height: NaN };
    const why = box('why');
    const children = ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'].map((reason) => box(`after-${reason}`));
    const left = Math.min(...children.map((child) => child.x));
    const right = Math.max(...children.map((child) => child.x + child.width));
    expect(Math.abs(why.x + why.width / 2 - (left + right) / 2)).toBeLessThanOrEqual(20);
    for (const child of children) expect(child.y).toBeGreaterThanOrEqual(why.y + why.height);
  });
});

describe.each([
  ['dagre', DAGRE_NODES_AT_MOST],
  ['layered', 0],
])('autoLayout of what follows a node with several outputs (%s)', (_name, dagreAtMost) => {
  const autoLayout = (workflow: Workflow) => layoutAnyWay(workflow, undefined, dagreAtMost);
  it('puts each output’s step under it, left to right in the order of the outputs, whatever order the edges were drawn in', () => {
    const flow = wideFlow();
    const reasons = ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'];
    for (const edges of [flow.edges, flow.edges.toReversed(), [...flow.edges.filter((_, i) => i % 2 === 0), ...flow.edges.filter((_, i) => i % 2 === 1)]]) {
      const laid = autoLayout(deepFreeze({ ...flow, edges }));
      const x = (id: string) => laid.steps.find((step) => step.id === id)?.position?.x ?? NaN;
      const under = reasons.map((reason) => x(`after-${reason}`));
      expect(under).toEqual(under.toSorted((a, b) => a - b));
      const paths = ['pro-seats', 'team-seats', 'done'].map(x);
      expect(paths).toEqual(paths.toSorted((a, b) => a - b));
    }
  });
});
