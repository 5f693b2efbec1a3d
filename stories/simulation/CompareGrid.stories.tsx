import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CompareGrid } from '../../src/screens/simulation/compare/CompareGrid.tsx';
import { followUpComparison, handBackComparison, hotLeadComparison, unknownWorkflowComparison } from './compareFixtures.ts';

/** The bundled examples under each exit-condition setting, compared by the real engine as the story loads. */
const meta = {
  title: 'Simulation/CompareGrid',
  component: CompareGrid,
} satisfies Meta<typeof CompareGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The cell of a script (its row header) under a setting (its column header). */
function cellOf(canvasElement: HTMLElement, script: string, setting: string): HTMLElement {
  const canvas = within(canvasElement);
  const column = canvas.getAllByRole('columnheader').findIndex((header) => header.textContent === setting);
  const row = canvas.getByRole('rowheader', { name: script }).closest('tr');
  const cell = row?.children[column];
  if (column < 1 || !(cell instanceof HTMLElement)) throw new Error(`No cell for "${script}" under "${setting}"`);
  return cell;
}

const STOP_BACKGROUND = 'rgb(255, 243, 224)'; // --color-stop-bg
const PAUSE_BACKGROUND = 'rgb(243, 236, 251)'; // --color-pause-bg

export const FollowUp: Story = {
  args: { result: followUpComparison, caption: '24h follow-up under each exit-condition setting' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table', { name: /24h follow-up under each exit-condition setting/ })).toBeVisible();
    const replies = 'Incoming message: the contact writes again, the follow-up is pointless';

    const off = cellOf(canvasElement, replies, 'Off');
    await expect(off).toHaveTextContent('Completed at End, +1d');
    await expect(off).not.toHaveTextContent('Not sent');

    const incoming = cellOf(canvasElement, replies, 'Incoming message');
    await expect(incoming).toHaveTextContent('Stopped at Wait 24h, +3h — incoming message');
    // <q> adds the quotation marks in CSS, so the text itself has none.
    await expect(incoming).toHaveTextContent('Not sent: Just checking in — did we answer your question?');
    await expect(getComputedStyle(incoming).backgroundColor).toBe(STOP_BACKGROUND);

    // An agent's reply is not an incoming message: under "Incoming message" the follow-up still goes out.
    await expect(cellOf(canvasElement, 'Outgoing message: an agent answers, the follow-up is pointless', 'Incoming message')).toHaveTextContent(
      'Completed at End, +1d',
    );
    await expect(cellOf(canvasElement, 'Same instant: a reply in the very second the follow-up is due wins', 'All conditions')).toHaveTextContent(
      'Stopped at Wait 24h, +1d — incoming message',
    );

    // Paused instead of stopped, the run goes on after 2h of quiet from the team: the follow-up is sent, 2h later than with exit conditions off.
    const answers = 'Outgoing message: an agent answers, the follow-up is pointless';
    await expect(cellOf(canvasElement, answers, 'Outgoing message')).toHaveTextContent('Stopped at Wait 24h, +45m — outgoing message');
    const handedBack = cellOf(canvasElement, answers, 'Outgoing message (pause)');
    await expect(handedBack).toHaveTextContent('Completed at End, +1d2h (after a pause)');
    await expect(handedBack).not.toHaveTextContent('Not sent');
  },
};

/**
 * The follow-up pausing instead of stopping, resuming only when the conversation is closed (no
 * script closes it): each script's own condition leaves its run paused, in the pause colours, with
 * the time its Wait had left.
 */
export const HandBack: Story = {
  args: { result: handBackComparison, caption: '24h follow-up (resumes when the conversation is closed) under each exit-condition setting' },
  play: async ({ canvasElement }) => {
    const replies = 'Incoming message: the contact writes again, the follow-up is pointless';
    await expect(cellOf(canvasElement, replies, 'Incoming message')).toHaveTextContent('Stopped at Wait 24h, +3h — incoming message');
    const paused = cellOf(canvasElement, replies, 'Incoming message (pause)');
    await expect(paused).toHaveTextContent('Paused at Wait 24h, +3h (21h left, resumes when the conversation is closed) — incoming message');
    await expect(paused).toHaveTextContent('Not sent: Just checking in');
    await expect(getComputedStyle(paused).backgroundColor).toBe(PAUSE_BACKGROUND);
    await expect(getComputedStyle(paused.querySelector('.compare-run__outcome') as HTMLElement).color).toBe('rgb(107, 63, 160)'); // --color-pause
  },
};

export const HotLead: Story = {
  args: { result: hotLeadComparison, caption: 'Lead nurture under each exit-condition setting' },
  play: async ({ canvasElement }) => {
    const takesOver = 'Hot lead: agent takes over';
    await expect(cellOf(canvasElement, takesOver, 'Off')).toHaveTextContent('Stopped at Wait 24h, +2h — by Alice');
    await expect(cellOf(canvasElement, takesOver, 'Outgoing message')).toHaveTextContent('Stopped at Wait 24h, +3m — outgoing message');

    const assigned = cellOf(canvasElement, 'Hot lead: a manager assigns the lead to an agent', 'Manual assignment');
    await expect(assigned).toHaveTextContent('Stopped at Ask what they need, +10m — manual assignment');
    await expect(assigned).toHaveTextContent('No rush — reply any time');
    await expect(assigned).toHaveTextContent('Still interested in a demo, Dana?');
  },
};

/** The chosen Workflow is not loaded: each cell says so instead of the grid failing. */
export const UnknownWorkflow: Story = {
  args: { result: unknownWorkflowComparison },
  play: async ({ canvasElement }) => {
    const cells = within(canvasElement).getAllByRole('cell');
    await expect(cells).toHaveLength(8);
    for (const cell of cells) await expect(cell).toHaveTextContent('Cannot simulate: No Workflow "Lead nurture" is loaded');
  },
};
