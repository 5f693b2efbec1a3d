import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, within } from 'storybook/test';
import { AssigneeMenu } from '../../src/screens/messages/conversation/AssigneeMenu.tsx';
import '../../src/screens/messages/messages.css';
import { cast } from './messagesFixtures.ts';

/** Assigning the conversation by hand: what can meet the "Manual assignment" exit condition. */
const meta = {
  title: 'Messages/AssigneeMenu',
  component: AssigneeMenu,
  args: { users: cast.users, assignee: undefined, onAssign: fn(), onUnassign: fn() },
} satisfies Meta<typeof AssigneeMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unassigned: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Assignee: Unassigned' }));
    const menu = await screen.findByRole('menu', { name: 'Assignee' });
    await expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Assign to Olivia',
      'Assign to Max',
      'Assign to Alice',
      'Assign to Rita',
      'Unassign',
    ]);
    await expect(within(menu).getByRole('menuitem', { name: 'Unassign' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Assign to Alice' }));
    await expect(args.onAssign).toHaveBeenCalledOnce();
    await expect(args.onAssign).toHaveBeenCalledWith('alice');
    await expect(screen.queryByRole('menu')).toBeNull();
  },
};

export const AssignedToAlice: Story = {
  args: { assignee: 'alice' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Assignee: Alice' }));
    const menu = await screen.findByRole('menu', { name: 'Assignee' });
    await expect(within(menu).getByRole('menuitem', { name: 'Assigned to Alice' })).toHaveAttribute('aria-disabled', 'true');
    await expect(within(menu).getByRole('menuitem', { name: 'Reassign to Max' })).toBeVisible();
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Unassign' }));
    await expect(args.onUnassign).toHaveBeenCalledOnce();
    await expect(args.onAssign).not.toHaveBeenCalled();
  },
};
