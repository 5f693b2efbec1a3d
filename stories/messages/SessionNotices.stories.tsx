import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SessionNotices } from '../../src/screens/messages/inbox/SessionNotices.tsx';
import '../../src/screens/messages/messages.css';
import { storedWithAProblem } from './messagesFixtures.ts';

/** The stored Workflows, split by the validator into those the session runs and one it leaves out. */
const stored = storedWithAProblem();

/** What the live session leaves out, and whether the stored Workflows moved on since it started. */
const meta = {
  title: 'Messages/SessionNotices',
  component: SessionNotices,
  args: { outdated: false, left: [], onRestart: fn() },
} satisfies Meta<typeof SessionNotices>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing to say: no line at all, so the inbox below keeps the room. */
export const NothingToSay: Story = {
  play: async ({ canvasElement }) => {
    const notices = canvasElement.querySelector('.session-notices');
    await expect(notices?.childElementCount).toBe(0);
    await expect(notices?.getBoundingClientRect().height).toBe(0);
  },
};

/** Someone edited the Workflows since the session started, and one stored Workflow has a problem. */
export const OutdatedAndLeftOut: Story = {
  args: { outdated: true, left: stored.left },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Workflows were changed since this session started; its runs use the older versions.');
    await expect(canvas.getByText('Not running, because of problems: Win-back (1 problem).')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Restart with the new versions' }));
    await expect(args.onRestart).toHaveBeenCalledOnce();
  },
};
