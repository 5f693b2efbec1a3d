import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { expect, waitFor, within } from 'storybook/test';
import type { WorkflowFlowNode } from '../../src/parts/canvas/flowElements.ts';
import { TriggerNode } from '../../src/parts/canvas/TriggerNode.tsx';
import { WhenStoppedNode } from '../../src/parts/canvas/WhenStoppedNode.tsx';
import { NODE_SIZE } from '../../src/parts/canvas/nodeSize.ts';

const NODE_TYPES: NodeTypes = { trigger: TriggerNode, whenStopped: WhenStoppedNode };
const PROBLEM = 'Nothing follows the When stopped entry';

/** The trigger, then the When stopped entry as a Workflow has it: unlabelled, labelled with a problem, selected. */
const NODES: WorkflowFlowNode[] = [
  { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, deletable: false, data: { trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in', oncePerContact: false }, problems: [] } },
  { id: 'when-stopped', type: 'whenStopped', position: { x: NODE_SIZE.width + 40, y: 0 }, data: { whenStopped: { id: 'when-stopped', label: '' }, problems: [] } },
  { id: 'clean-up', type: 'whenStopped', position: { x: 2 * (NODE_SIZE.width + 40), y: 0 }, data: { whenStopped: { id: 'clean-up', label: 'Clean up' }, problems: [PROBLEM] } },
  { id: 'hand-over', type: 'whenStopped', position: { x: 3 * (NODE_SIZE.width + 40), y: 0 }, selected: true, data: { whenStopped: { id: 'hand-over', label: 'Hand over' }, problems: [] } },
];

function WhenStoppedSamples() {
  return (
    <div style={{ width: 1160, height: 220 }}>
      <ReactFlowProvider>
        <ReactFlow defaultNodes={NODES} defaultEdges={[]} nodeTypes={NODE_TYPES} fitView fitViewOptions={{ maxZoom: 1, padding: 0.1 }} aria-label="When stopped samples" />
      </ReactFlowProvider>
    </div>
  );
}

const meta = { title: 'Builder/WhenStoppedNode', component: WhenStoppedSamples, parameters: { layout: 'padded' } } satisfies Meta<typeof WhenStoppedSamples>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A second start node beside the trigger, in the stop's colours: its kind, label, one-line hint and one output, and nothing leads into it. */
export const Samples: Story = {
  play: async ({ canvasElement }) => {
    const cases = [
      { id: 'when-stopped', label: 'When stopped', problems: 0, selected: false },
      { id: 'clean-up', label: 'Clean up', problems: 1, selected: false },
      { id: 'hand-over', label: 'Hand over', problems: 0, selected: true },
    ];
    for (const expected of cases) {
      const wrapper = await waitFor(() => {
        const found = canvasElement.querySelector<HTMLElement>(`[data-testid="rf__node-${expected.id}"]`);
        if (!found) throw new Error(`No node ${expected.id}`);
        return found;
      });
      await waitFor(() => expect(wrapper).toBeVisible());
      const node = wrapper.querySelector<HTMLElement>('.flow-node');
      await expect(node).toHaveClass('flow-node--when-stopped');
      await expect(node?.querySelector('.flow-node__kind')).toHaveTextContent('When stopped');
      await expect(node?.querySelector('.flow-node__label')).toHaveTextContent(expected.label);
      await expect(node?.querySelector('.flow-node__summary')).toHaveTextContent('Runs once, right after a run of this Workflow is stopped');
      await expect(wrapper.querySelectorAll('.react-flow__handle.source')).toHaveLength(1);
      await expect(wrapper.querySelectorAll('.react-flow__handle.target')).toHaveLength(0);
      if (expected.problems > 0) await expect(within(wrapper).getByRole('img', { name: `1 problem: ${PROBLEM}` })).toBeVisible();
      else await expect(within(wrapper).queryByRole('img')).toBeNull();
      if (expected.selected) await expect(node).toHaveClass('flow-node--selected');
      else await expect(node).not.toHaveClass('flow-node--selected');
    }
  },
};
