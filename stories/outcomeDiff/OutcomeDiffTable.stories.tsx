import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { OutcomeDiffTable } from '../../src/parts/outcomeDiff/OutcomeDiffTable.tsx';
import { brokenDraft, populationCapped, unchanged, waitShortened } from './outcomeDiffFixtures.ts';

/** The 24 h follow-up against a draft that waits 2 h, diffed by the real engine as the story loads. */
const meta = {
  title: 'OutcomeDiff/OutcomeDiffTable',
  component: OutcomeDiffTable,
  args: { onOpen: fn(), sideNames: { before: 'the published version', after: 'the draft' } },
} satisfies Meta<typeof OutcomeDiffTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WaitShortened: Story = {
  args: { diff: waitShortened },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'Runs that change: 2 of 4 runs change' });
    const rows = within(table).getAllByRole('row').slice(1);
    await expect(rows).toHaveLength(2);
    await expect(rows[0]).toHaveTextContent('Stopped at Wait 24h, +3hincoming message');
    await expect(rows[0]).toHaveTextContent('Completed at End, +2h');
    await expect(rows[0]).toHaveTextContent('Newly sent: Just checking in — did we answer your question?');
    // Omar's second run exists only with the 2 h Wait: his reply no longer stops the first.
    await expect(rows[1]).toHaveTextContent('Omar (run 2)');
    await expect(rows[1]).toHaveTextContent('No run');

    await userEvent.click(within(rows[0] as HTMLElement).getByRole('button', { name: "Open at +0: Omar's run, in the simulator" }));
    await expect(args.onOpen).toHaveBeenCalledTimes(1);
    await expect(args.onOpen).toHaveBeenLastCalledWith(waitShortened.rows[1]?.ok && waitShortened.rows[1].differences[0]);
    // A click anywhere on the row opens it too.
    await userEvent.click(within(rows[1] as HTMLElement).getByText('No run'));
    await expect(args.onOpen).toHaveBeenCalledTimes(2);
  },
};

/** A 1,000-contact population, its rows capped at 5: the totals count every changed run, the rest is "and … more". */
export const Capped: Story = {
  args: { diff: populationCapped },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(`${populationCapped.changed.toLocaleString('en')} of ${populationCapped.runs.toLocaleString('en')} runs change`)).toBeVisible();
    await expect(canvas.getAllByRole('button', { name: /^Open / })).toHaveLength(5);
    await expect(canvas.getByText(/^and [\d,]+ more in /)).toHaveTextContent(`and ${(populationCapped.changed - 5).toLocaleString('en')} more`);
  },
};

/** Every run ends the same: the sentence alone, no column headings over an empty table. */
export const NothingChanges: Story = {
  args: { diff: unchanged },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No run changes: 3 runs end the same')).toBeVisible();
    await expect(within(canvasElement).queryByRole('table')).toBeNull();
  },
};

/** Nothing changes, and the totals are said beside the table (the publish dialog's live line): nothing is drawn. */
export const NothingChangesSaidBeside: Story = {
  args: { diff: unchanged, showSummary: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('table')).toBeNull();
    await expect(within(canvasElement).queryByText(/No run changes/)).toBeNull();
  },
};

/** A script that could not be simulated says why, naming the side. */
export const ScriptNotSimulated: Story = {
  args: { diff: brokenDraft },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('row', { name: /Could not be simulated/ })).toHaveTextContent('on the draft, the Workflow, $.steps[0].text');
  },
};
