import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { expect, waitFor, within } from 'storybook/test';
import { stepSchema, type StepType } from '../../simulator/schema/step.ts';
import { triggerSchema } from '../../simulator/schema/trigger.ts';
import type { WorkflowFlowNode } from '../../src/parts/canvas/flowElements.ts';
import { StepNode } from '../../src/parts/canvas/StepNode.tsx';
import { TriggerNode } from '../../src/parts/canvas/TriggerNode.tsx';
import { NODE_METRICS, nodeWidth, outputHandleX } from '../../src/parts/canvas/nodeSize.ts';
import { steps, type StepInput, type TriggerInput } from '../../test/harness/workflowFixtures.ts';

/** The canvas's node types, as WorkflowCanvas declares them (once, at module level). */
const NODE_TYPES: NodeTypes = { step: StepNode, trigger: TriggerNode };

/** One node of a sample row: what it is, and what its node must say. */
interface SampleNode<T> {
  readonly input: T;
  /** The label line; the kind's name when the step has no label. */
  readonly label: string;
  /** The summary line; empty when the node has none. */
  readonly summary: string;
}

/** Three nodes of one kind: a valid one, an invalid one (with its problems) and a selected one. */
interface Sample<T> {
  readonly kind: string;
  readonly valid: SampleNode<T>;
  readonly invalid: SampleNode<T> & { readonly problems: readonly string[] };
  readonly selected: SampleNode<T>;
  /** The labels of the valid node's outputs, when they are labelled. */
  readonly outputs?: readonly string[];
}

const unreachable = (label: string) => `"${label}" cannot be reached from the trigger`;

const STEP_SAMPLES: Record<StepType, Sample<StepInput>> = {
  send_message: {
    kind: 'Send message',
    valid: { input: steps.send('welcome', 'Thanks for writing, {{contact.name}}!', 'Welcome'), label: 'Welcome', summary: '“Thanks for writing, {{contact.name}}!”' },
    invalid: { input: steps.send('reminder', '', 'Reminder'), label: 'Reminder', summary: 'No text yet', problems: ['"Reminder" has no message text'] },
    selected: { input: steps.send('follow-up', 'Still interested?', 'Follow-up'), label: 'Follow-up', summary: '“Still interested?”' },
  },
  ask_question: {
    kind: 'Ask a question',
    valid: { input: steps.ask('ask-need', 'What do you need?', 'need', '1h', 'Ask need'), label: 'Ask need', summary: '“What do you need?” → need · 1h timeout' },
    invalid: {
      input: steps.ask('ask-plan', '', 'plan', undefined, 'Ask plan'),
      label: 'Ask plan',
      summary: 'No question yet',
      problems: ['"Ask plan" has no message text', unreachable('Ask plan')],
    },
    selected: { input: steps.ask('ask-email', 'Your email?', 'email', undefined, 'Ask email'), label: 'Ask email', summary: '“Your email?” → email' },
    outputs: ['Answered', 'Timed out'],
  },
  add_comment: {
    kind: 'Add comment',
    valid: { input: steps.comment('note', 'VIP: answer within the hour', 'Note'), label: 'Note', summary: '“VIP: answer within the hour”' },
    invalid: { input: steps.comment('old-note', '', 'Old note'), label: 'Old note', summary: 'No text yet', problems: [unreachable('Old note')] },
    selected: { input: steps.comment('handover', 'Handed over to sales', 'Handover'), label: 'Handover', summary: '“Handed over to sales”' },
  },
  wait: {
    kind: 'Wait',
    valid: { input: steps.wait('wait-24h', '24h', 'Wait 24h'), label: 'Wait 24h', summary: 'For 24h' },
    invalid: { input: steps.waitUntil('wait-morning', '09:00', 'Wait for the morning'), label: 'Wait for the morning', summary: 'Until 09:00', problems: [unreachable('Wait for the morning')] },
    selected: { input: steps.wait('wait-30m', '30m', 'Wait 30m'), label: 'Wait 30m', summary: 'For 30m' },
  },
  branch: {
    kind: 'Branch',
    valid: {
      input: steps.branch('vip-check', [{ id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }], 'VIP?'),
      label: 'VIP?',
      summary: '1 path and Else',
    },
    invalid: {
      input: steps.branch(
        'plan-check',
        [
          { id: 'pro', label: 'Pro', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'pro' }] },
          { id: 'free', label: 'Free', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'free' }] },
        ],
        'Plan?',
      ),
      label: 'Plan?',
      summary: '2 paths and Else',
      problems: ['"Plan?" needs an Else path', unreachable('Plan?')],
    },
    selected: {
      input: steps.branch('refund-check', [{ id: 'refund', label: 'Refund', conditions: [{ subject: 'last_message', operator: 'contains', value: 'refund' }] }], 'Refund?'),
      label: 'Refund?',
      summary: '1 path and Else',
    },
    outputs: ['VIP', 'Else'],
  },
  datetime_branch: {
    kind: 'Date & time',
    valid: { input: steps.hours('office-hours', [1, 2, 3, 4, 5], '09:00', '17:00', 'Office hours'), label: 'Office hours', summary: 'Mon, Tue, Wed, Thu, Fri 09:00–17:00' },
    invalid: { input: steps.hours('weekend', [0, 6], '10:00', '14:00', 'Weekend'), label: 'Weekend', summary: 'Sun, Sat 10:00–14:00', problems: ['"Weekend" needs an Else path'] },
    selected: { input: steps.hours('evenings', [1, 2, 3, 4, 5], '18:00', '22:00', 'Evenings'), label: 'Evenings', summary: 'Mon, Tue, Wed, Thu, Fri 18:00–22:00' },
    outputs: ['In time', 'Else'],
  },
  assign: {
    kind: 'Assign',
    valid: { input: steps.assign('to-sales', 'team', 'sales', 'Assign to Sales'), label: 'Assign to Sales', summary: 'To team sales' },
    invalid: { input: steps.assign('to-alice', 'user', 'alice', 'Assign to Alice'), label: 'Assign to Alice', summary: 'To user alice', problems: [unreachable('Assign to Alice')] },
    selected: { input: steps.assign('to-support', 'team', 'support', 'Assign to Support'), label: 'Assign to Support', summary: 'To team support' },
  },
  update_field: {
    kind: 'Update field',
    valid: { input: steps.setField('set-plan', 'plan', 'pro', 'Set plan'), label: 'Set plan', summary: 'plan = “pro”' },
    invalid: { input: steps.setField('clear-plan', 'plan', '', 'Clear plan'), label: 'Clear plan', summary: 'plan = (empty)', problems: [unreachable('Clear plan')] },
    selected: { input: steps.setField('set-source', 'source', 'chat', 'Set source'), label: 'Set source', summary: 'source = “chat”' },
  },
  update_tag: {
    kind: 'Update tag',
    valid: { input: steps.tag('tag-lead', 'add', 'lead', 'Tag as lead'), label: 'Tag as lead', summary: 'Add tag lead' },
    invalid: { input: steps.tag('untag-vip', 'remove', 'vip', 'Remove VIP'), label: 'Remove VIP', summary: 'Remove tag vip', problems: [unreachable('Remove VIP')] },
    selected: { input: steps.tag('tag-hot', 'add', 'hot', 'Tag as hot'), label: 'Tag as hot', summary: 'Add tag hot' },
  },
  open_conversation: {
    kind: 'Open conversation',
    valid: { input: steps.openConversation('reopen', 'Reopen'), label: 'Reopen', summary: '' },
    invalid: { input: steps.openConversation('open-again', 'Open again'), label: 'Open again', summary: '', problems: [unreachable('Open again')] },
    // No label: the node shows the kind's name.
    selected: { input: steps.openConversation('open', ''), label: 'Open conversation', summary: '' },
  },
  close_conversation: {
    kind: 'Close conversation',
    valid: { input: steps.closeConversation('close', 'Close it'), label: 'Close it', summary: '' },
    invalid: { input: steps.closeConversation('close-again', 'Close again'), label: 'Close again', summary: '', problems: [unreachable('Close again')] },
    selected: { input: steps.closeConversation('close-done', ''), label: 'Close conversation', summary: '' },
  },
  trigger_workflow: {
    kind: 'Trigger Workflow',
    valid: { input: steps.startWorkflow('start-nurture', 'Lead nurture', 'Start nurture'), label: 'Start nurture', summary: 'Starts Lead nurture' },
    invalid: { input: steps.startWorkflow('start-nothing', '', 'Start another'), label: 'Start another', summary: 'No Workflow chosen', problems: ['"Start another" does not say which Workflow to start'] },
    selected: { input: steps.startWorkflow('start-vip', 'VIP routing', 'Start VIP routing'), label: 'Start VIP routing', summary: 'Starts VIP routing' },
  },
  jump_to: {
    kind: 'Jump to',
    valid: { input: steps.jump('again', 'remind', 'Again'), label: 'Again', summary: 'To remind' },
    invalid: { input: steps.jump('jump-nowhere', '', 'Jump somewhere'), label: 'Jump somewhere', summary: 'No step chosen', problems: ['"Jump somewhere" does not say which step to jump to'] },
    selected: { input: steps.jump('back', 'welcome', 'Back to start'), label: 'Back to start', summary: 'To welcome' },
  },
  stop_reason_branch: {
    kind: 'Stop reason branch',
    valid: { input: steps.stopReasonBranch('why', 'Why stopped?'), label: 'Why stopped?', summary: 'By why the run stopped' },
    invalid: {
      input: steps.stopReasonBranch('why-unreached', 'Unreached'),
      label: 'Unreached',
      summary: 'By why the run stopped',
      problems: [unreachable('Unreached')],
    },
    selected: { input: steps.stopReasonBranch('why-selected', 'Reason'), label: 'Reason', summary: 'By why the run stopped' },
    outputs: ['Manual stop', 'Outgoing messages', 'Incoming messages', 'Manual assignment', 'Else'],
  },
  end: {
    kind: 'End',
    valid: { input: steps.end('end', 'End'), label: 'End', summary: '' },
    invalid: { input: steps.end('end-unreached', 'Unreached end'), label: 'Unreached end', summary: '', problems: [unreachable('Unreached end')] },
    selected: { input: steps.end('done', 'Done'), label: 'Done', summary: '' },
  },
};

const TRIGGER_SAMPLE: Sample<TriggerInput> = {
  kind: 'Trigger',
  valid: { input: { id: 'message-trigger', type: 'incoming_message', label: 'Contact writes in' }, label: 'Contact writes in', summary: 'Incoming message' },
  invalid: {
    // No label: the node shows the trigger's kind, once (not again in the summary).
    input: { id: 'tag-trigger', type: 'tag_updated', tag: 'vip', action: 'added' },
    label: 'Tag updated',
    summary: 'Tag vip added',
    problems: ['The trigger has two edges leaving its "next" output; keep one'],
  },
  selected: {
    input: { id: 'field-trigger', type: 'field_updated', field: 'plan', label: 'Plan changes', oncePerContact: true },
    label: 'Plan changes',
    summary: 'Contact field updated · Field plan · once per contact',
  },
};

const ROLES = ['valid', 'invalid', 'selected'] as const;

/** The sample's three nodes side by side (each as wide as it is drawn), ids as the sample's inputs give them. */
function sampleNodes(type: StepType | 'trigger'): WorkflowFlowNode[] {
  let x = 0;
  return ROLES.map((role): WorkflowFlowNode => {
    const selected = role === 'selected';
    if (type === 'trigger') {
      const sample = TRIGGER_SAMPLE[role];
      const trigger = triggerSchema.parse(sample.input);
      const position = { x, y: 0 };
      x += nodeWidth() + 60;
      return { id: trigger.id, type: 'trigger', position, selected, deletable: false, data: { trigger, problems: 'problems' in sample ? sample.problems : [] } };
    }
    const sample = STEP_SAMPLES[type][role];
    const step = stepSchema.parse(sample.input);
    const position = { x, y: 0 };
    x += nodeWidth(step) + 60;
    return { id: step.id, type: 'step', position, selected, data: { step, problems: 'problems' in sample ? sample.problems : [] } };
  });
}

/** One kind of node on a real React Flow canvas: valid, invalid (with its problem badge) and selected. */
function NodeSamples({ type }: { type: StepType | 'trigger' }) {
  return (
    <div style={{ width: 960, height: 260 }}>
      <ReactFlowProvider>
        <ReactFlow defaultNodes={sampleNodes(type)} defaultEdges={[]} nodeTypes={NODE_TYPES} fitView fitViewOptions={{ maxZoom: 1, padding: 0.1 }} aria-label="Node samples" />
      </ReactFlowProvider>
    </div>
  );
}

const meta = {
  title: 'Builder/StepNode',
  component: NodeSamples,
  parameters: { layout: 'padded' },
  play: async ({ canvasElement, args }) => {
    const sample: Sample<StepInput | TriggerInput> = args.type === 'trigger' ? TRIGGER_SAMPLE : STEP_SAMPLES[args.type];
    for (const role of ROLES) {
      const expected = sample[role];
      // React Flow's own wrapper of the node (the trigger's inner test id is always node-trigger).
      const wrapper = await waitFor(() => {
        const found = canvasElement.querySelector<HTMLElement>(`[data-testid="rf__node-${expected.input.id}"]`);
        if (!found) throw new Error(`No node ${expected.input.id ?? ''}`);
        return found;
      });
      // Visible once React Flow has measured it.
      await waitFor(() => expect(wrapper).toBeVisible());
      const node = wrapper.querySelector<HTMLElement>('.flow-node');
      await expect(node).not.toBeNull();
      await expect(node?.querySelector('.flow-node__kind')).toHaveTextContent(sample.kind);
      await expect(node?.querySelector('.flow-node__label')).toHaveTextContent(expected.label, { normalizeWhitespace: true });
      if (expected.summary) await expect(node?.querySelector('.flow-node__summary')).toHaveTextContent(expected.summary);
      else await expect(node?.querySelector('.flow-node__summary')).toBeNull();

      const badge = within(wrapper).queryByRole('img');
      if (role === 'invalid') {
        const { problems } = sample.invalid;
        const name = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${problems.join('; ')}`;
        await expect(within(wrapper).getByRole('img', { name })).toHaveTextContent(String(problems.length));
        await expect(node).toHaveClass('flow-node--invalid');
      } else {
        await expect(badge).toBeNull();
        await expect(node).not.toHaveClass('flow-node--invalid');
      }
      if (role === 'selected') {
        await expect(wrapper).toHaveClass('selected');
        await expect(node).toHaveClass('flow-node--selected');
      } else {
        await expect(node).not.toHaveClass('flow-node--selected');
      }
    }
    const outputs = sample.outputs;
    if (outputs) {
      const valid = canvasElement.querySelector(`[data-testid="rf__node-${sample.valid.input.id ?? ''}"]`);
      await expect([...(valid?.querySelectorAll('.flow-node__output-label') ?? [])].map((label) => label.textContent)).toEqual(outputs);
    }
  },
} satisfies Meta<typeof NodeSamples>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Trigger: Story = { args: { type: 'trigger' } };
export const SendMessage: Story = { args: { type: 'send_message' } };
export const AskQuestion: Story = { args: { type: 'ask_question' } };
export const AddComment: Story = { args: { type: 'add_comment' } };
export const Wait: Story = { args: { type: 'wait' } };
export const Branch: Story = { args: { type: 'branch' } };
export const DateTimeBranch: Story = { args: { type: 'datetime_branch' } };
export const StopReasonBranch: Story = { args: { type: 'stop_reason_branch' } };
export const Assign: Story = { args: { type: 'assign' } };
export const UpdateField: Story = { args: { type: 'update_field' } };
export const UpdateTag: Story = { args: { type: 'update_tag' } };
export const OpenConversation: Story = { args: { type: 'open_conversation' } };
export const CloseConversation: Story = { args: { type: 'close_conversation' } };
export const TriggerWorkflow: Story = { args: { type: 'trigger_workflow' } };
export const JumpTo: Story = { args: { type: 'jump_to' } };
export const End: Story = { args: { type: 'end' } };

/** A Branch of four paths, each label a few words, as a person might name them. */
const FOUR_PATHS = stepSchema.parse(
  steps.branch(
    'plan-paths',
    [
      { id: 'pro', label: 'Pro plan', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'pro' }] },
      { id: 'trial', label: 'Free trial', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'trial' }] },
      { id: 'enterprise', label: 'Enterprise', conditions: [{ subject: 'tag', operator: 'has', tag: 'enterprise' }] },
      { id: 'churned', label: 'Churned last month', conditions: [{ subject: 'tag', operator: 'has', tag: 'churned' }] },
    ],
    'Which plan?',
  ),
);
const WHY_STOPPED = stepSchema.parse(steps.stopReasonBranch('why', 'Why stopped?'));

/** The two nodes with most outputs, one above the other, at zoom 1 (no fit view): as a person sees them at 100 %. */
function ManyOutputs() {
  const nodes: WorkflowFlowNode[] = [
    { id: WHY_STOPPED.id, type: 'step', position: { x: 0, y: 0 }, data: { step: WHY_STOPPED, problems: [] } },
    { id: FOUR_PATHS.id, type: 'step', position: { x: 0, y: 180 }, data: { step: FOUR_PATHS, problems: [] } },
  ];
  return (
    <div style={{ width: 1100, height: 380 }}>
      <ReactFlowProvider>
        <ReactFlow defaultNodes={nodes} defaultEdges={[]} nodeTypes={NODE_TYPES} defaultViewport={{ x: 40, y: 40, zoom: 1 }} aria-label="Nodes with many outputs" />
      </ReactFlowProvider>
    </div>
  );
}

const inside = (inner: DOMRect, outer: DOMRect) => inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
/** A range over each word of an element's text. */
function wordRanges(element: HTMLElement): Range[] {
  const text = element.firstChild;
  if (!text) return [];
  return [...(text.textContent ?? '').matchAll(/\S+/g)].map((match) => {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    return range;
  });
}
const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;

/**
 * The Stop reason branch (five outputs) and a Branch of four paths and Else, at zoom 1: each card
 * as wide as nodeWidth says, every output label inside its card, readable (12 px at least), its
 * words whole, and no two labels or handles on top of each other.
 */
export const ManyOutputsAtZoomOne: Story = {
  args: { type: 'stop_reason_branch' },
  render: () => <ManyOutputs />,
  play: async ({ canvasElement }) => {
    for (const [step, labels] of [
      [WHY_STOPPED, ['Manual stop', 'Outgoing messages', 'Incoming messages', 'Manual assignment', 'Else']],
      [FOUR_PATHS, ['Pro plan', 'Free trial', 'Enterprise', 'Churned last month', 'Else']],
    ] as const) {
      const card = await waitFor(() => {
        const found = canvasElement.querySelector<HTMLElement>(`[data-testid="node-${step.id}"]`);
        if (!found?.checkVisibility()) throw new Error(`No node ${step.id}`);
        return found;
      });
      const box = card.getBoundingClientRect();
      await expect(box.width).toBe(nodeWidth(step));
      const outputLabels = [...card.querySelectorAll<HTMLElement>('.flow-node__output-label')];
      await expect(outputLabels.map((label) => label.textContent)).toEqual(labels);
      const handles = [...card.querySelectorAll<HTMLElement>('.flow-handle--source')].map((handle) => handle.getBoundingClientRect());
      await expect(handles).toHaveLength(labels.length);
      // The stylesheet puts the handles where nodeSize.ts says (which the canvas assumes before measuring).
      for (const [i, handle] of handles.entries()) await expect(Math.abs(handle.left + handle.width / 2 - box.left - outputHandleX(box.width, labels.length, i))).toBeLessThanOrEqual(1);
      const rects = outputLabels.map((label) => label.getBoundingClientRect());
      for (const [i, label] of outputLabels.entries()) {
        const rect = rects[i] as DOMRect;
        await expect(inside(rect, box), `"${label.textContent ?? ''}" inside its card`).toBe(true);
        await expect(Number.parseFloat(getComputedStyle(label).fontSize)).toBeGreaterThanOrEqual(NODE_METRICS.labelFontSize);
        // On at most two lines, and no word broken across them (a broken word has a box on each).
        await expect(rect.height).toBeLessThanOrEqual(2 * Number.parseFloat(getComputedStyle(label).lineHeight) + 1);
        for (const word of wordRanges(label)) await expect(word.getClientRects(), `"${word.toString()}" on one line`).toHaveLength(1);
        for (const other of rects.slice(i + 1)) await expect(apart(rect, other)).toBe(true);
        for (const other of handles.slice(i + 1)) await expect(apart(handles[i] as DOMRect, other)).toBe(true);
      }
    }
  },
};
