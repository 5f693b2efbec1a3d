import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { UserSwitcher } from '../../src/screens/messages/inbox/UserSwitcher.tsx';
import '../../src/screens/messages/messages.css';
import { cast } from './messagesFixtures.ts';

/** Who is working the inbox: one user of each role of the demo cast. */
const meta = {
  title: 'Messages/UserSwitcher',
  component: UserSwitcher,
  args: { users: cast.users, value: 'alice', onChange: fn() },
} satisfies Meta<typeof UserSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WorkingAsAlice: Story = {
  play: async ({ canvasElement, args }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Working as' });
    await expect(select).toHaveDisplayValue('Alice — Agent');
    await expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Olivia — Owner',
      'Max — Manager',
      'Alice — Agent',
      'Rita — Agent with user restriction',
    ]);
    await userEvent.selectOptions(select, 'Rita — Agent with user restriction');
    await expect(args.onChange).toHaveBeenCalledOnce();
    await expect(args.onChange).toHaveBeenCalledWith('rita');
  },
};
