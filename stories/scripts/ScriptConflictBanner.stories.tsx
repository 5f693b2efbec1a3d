import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ScriptConflictBanner } from '../../src/parts/scripts/ScriptConflictBanner.tsx';

/** Above the script editor when Save found the script saved or deleted by another tab: nothing was written over. */
const meta = {
  title: 'Scripts/ScriptConflictBanner',
  component: ScriptConflictBanner,
  args: { theirs: 'saved', onReloadTheirs: fn(), onKeepMine: fn() },
} satisfies Meta<typeof ScriptConflictBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Saved in another tab: the builder's two choices, in its words. */
export const SavedInAnotherTab: Story = {
  play: async ({ canvasElement, args }) => {
    const banner = within(within(canvasElement).getByRole('alert', { name: 'Edit conflict' }));
    await expect(banner.getByText('Changed in another tab.')).toBeVisible();
    await userEvent.click(banner.getByRole('button', { name: 'Reload theirs' }));
    await expect(args.onReloadTheirs).toHaveBeenCalled();
    await userEvent.click(banner.getByRole('button', { name: 'Keep mine as a copy' }));
    await expect(args.onKeepMine).toHaveBeenCalled();
  },
};

/** Deleted in another tab: drop the edit, or save it as a new script. */
export const DeletedInAnotherTab: Story = {
  args: { theirs: 'deleted' },
  play: async ({ canvasElement }) => {
    const banner = within(within(canvasElement).getByRole('alert', { name: 'Edit conflict' }));
    await expect(banner.getByText('Deleted in another tab.')).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Discard mine' })).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Save mine as a new script' })).toBeVisible();
  },
};

/** While a choice is carried out, both buttons wait. */
export const Busy: Story = {
  args: { busy: true },
  play: async ({ canvasElement }) => {
    for (const button of within(canvasElement).getAllByRole('button')) await expect(button).toBeDisabled();
  },
};
