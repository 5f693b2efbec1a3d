import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { NodeStat } from '../../simulator/schema/playback.ts';
import type { NodeRunState, RunOnCanvas } from '../../simulator/trace/nodeRunStates.ts';
import { SimulationCanvas } from '../../src/screens/simulation/canvas/SimulationCanvas.tsx';
import { buildWorkflow, steps, type StepInput } from '../../test/harness/workflowFixtures.ts';

const HOUR = 3_600_000;

/** One step per thing a badge can say, in a column as the builder lays steps out (120 px apart). */
const ROWS: readonly { readonly step: StepInput; readonly state?: NodeRunState; readonly says: string; readonly stat?: Partial<NodeStat> }[] = [
  { step: steps.send('welcome', 'Hi {{contact.name}}!', 'Welcome'), state: { kind: 'passed', at: 0 }, says: 'Passed at +0', stat: { passed: 12 } },
  { step: steps.wait('wait', '24h', 'Wait 24h'), state: { kind: 'active', since: 0, waitingFor: 'timer', due: 24 * HOUR }, says: 'Here now: waits until +1d', stat: { passed: 12, waiting: 7 } },
  { step: steps.ask('ask', 'What do you need?', 'need', '1h', 'Ask need'), state: { kind: 'stopped', at: 3 * HOUR, reason: 'incoming_message' }, says: 'Stopped here: Incoming message at +3h', stat: { passed: 5, stopped: { incoming_message: 3, manual_assignment: 2 } } },
  { step: steps.send('nudge', 'Still there?', 'Nudge'), state: { kind: 'cancelled' }, says: 'Cancelled: will not run' },
  { step: steps.assign('to-sales', 'team', 'sales', 'Assign to Sales'), says: '4 passed · 1 failed', stat: { passed: 4, failed: 1 } },
  { step: steps.comment('note', 'Handed over', 'Note'), state: { kind: 'failed', at: 4 * HOUR }, says: 'Failed here at +4h' },
  { step: steps.end('end', 'End'), state: { kind: 'completed', at: 5 * HOUR }, says: 'Completed here at +5h', stat: { passed: 3, completed: 3 } },
];

const workflow = buildWorkflow({
  id: 'badges',
  name: 'Every badge',
  trigger: { id: 'trigger', type: 'incoming_message', position: { x: 0, y: 0 } },
  steps: ROWS.map((row, i) => ({ ...row.step, position: { x: 0, y: (i + 1) * 120 } })),
  edges: ['trigger>welcome', 'welcome>wait', 'wait>ask', 'ask:answered>nudge', 'nudge>to-sales', 'to-sales>note', 'note>end'],
});

const run: RunOnCanvas = {
  steps: new Map<string, NodeRunState>([['trigger', { kind: 'passed', at: 0 }], ...ROWS.flatMap((row) => (row.state ? [[row.step.id, row.state] as const] : []))]),
  path: [
    ['trigger', 'welcome'],
    ['welcome', 'wait'],
    ['wait', 'ask'],
  ],
};

const stats: NodeStat[] = ROWS.flatMap((row) =>
  row.stat ? [{ workflow: workflow.id, step: row.step.id, passed: 0, waiting: 0, paused: 0, completed: 0, failed: 0, stopped: {}, ...row.stat }] : [],
);

/**
 * Every badge a step can carry while simulating — passed, here now, stopped (the stop marker),
 * cancelled (the step dimmed), failed, completed, and counts alone — each beside its step.
 */
const meta = {
  title: 'Builder/NodeOverlay',
  component: SimulationCanvas,
  args: { workflow, run, stats },
  decorators: [
    (Story) => (
      <div style={{ width: 900, height: 1100 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SimulationCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const EveryBadge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const row of ROWS) {
      const node = await canvas.findByTestId(`node-${row.step.id}`);
      await expect(node).toHaveTextContent(row.says);
      await expect(node).toHaveClass(`flow-node--run-${row.state?.kind ?? 'untouched'}`);
    }
    await expect(canvas.getByTestId('node-ask')).toHaveTextContent('5 passed · 3 stopped: incoming message · 2 stopped: manual assignment');
    // The one stop marker, and the dimmed step.
    await expect(canvasElement.querySelectorAll('.run-badge--stopped')).toHaveLength(1);
    const nudge = canvas.getByTestId('node-nudge').querySelector('.flow-node') as HTMLElement;
    await expect(getComputedStyle(nudge).filter).toBe('grayscale(1)');
    await waitFor(() => expect(canvas.getByTestId('node-end')).toBeVisible());
  },
};
