import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { autoLayout as layoutAnyWay, DAGRE_NODES_AT_MOST } from '../../../../src/parts/canvas/autoLayout.ts';
import { NODE_SIZE } from '../../../../src/parts/canvas/nodeSize.ts';
import { deepFreeze } from '../../../harness/deepFreeze.ts';
import { buildWorkflow, followUpWorkflow, steps } from '../../../harness/workflowFixtures.ts';

/** Follow-up, with a When stopped path: entry → untag → note, all first placed over the trigger. */
function withPath(): Workflow {
  const main = followUpWorkflow();
  const path = buildWorkflow({ steps: [steps.send('untag', 'Bye'), steps.send('note', 'Noted')], edges: [] });
  return deepFreeze({
    ...main,
    whenStopped: { id: 'when-stopped', label: '', position: { x: 0, y: 0 } },
    steps: [...main.steps, ...path.steps.map((step) => ({ ...step, position: { x: 0, y: 0 } }))],
    edges: [...main.edges, { id: 'w1', source: 'when-stopped', sourceHandle: 'next', target: 'untag' }, { id: 'w2', source: 'untag', sourceHandle: 'next', target: 'note' }],
  });
}

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height;

// The same rules for dagre's layout (small graphs) and the layered one (large graphs).
describe.each([
  ['dagre', DAGRE_NODES_AT_MOST],
  ['layered', 0],
])('autoLayout with a When stopped path (%s)', (_name, dagreAtMost) => {
  const autoLayout = (workflow: Workflow) => layoutAnyWay(workflow, undefined, dagreAtMost);
  it('lays the path out beside the main flow: the entry above its steps, no node of it over a node of the main flow', () => {
    const laid = autoLayout(withPath());
    const at = new Map([laid.trigger, laid.whenStopped, ...laid.steps].map((node) => [node?.id, node?.position ?? { x: NaN, y: NaN }]));
    const path = ['when-stopped', 'untag', 'note'].map((id) => at.get(id) as { x: number; y: number });
    const main = ['trigger', 'greet', 'wait-24h', 'follow-up', 'end'].map((id) => at.get(id) as { x: number; y: number });
    for (const node of path) for (const other of main) expect(overlaps(node, other)).toBe(false);
    expect(path[0]?.y).toBeLessThan(path[1]?.y ?? -Infinity);
    expect(path[1]?.y).toBeLessThan(path[2]?.y ?? -Infinity);
  });
});
