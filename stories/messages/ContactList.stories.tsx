import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ContactList } from '../../src/screens/messages/inbox/ContactList.tsx';
import '../../src/screens/messages/messages.css';
import { cast, contactRowsOf, danaWritesIn, MINUTE, playSession } from './messagesFixtures.ts';

/**
 * Ten minutes into the morning: Dana wrote in (Lead nurture and the 24h follow-up run, VIP routing
 * assigned her to Sales); Omar wrote, and Alice took his conversation, which stopped both his runs
 * (Manual assignment); Lee has not written.
 */
const morning = playSession([
  ...danaWritesIn,
  { advance: 5 * MINUTE },
  { type: 'contact.message', contact: 'omar', text: 'Do you ship to Norway?' },
  { advance: 5 * MINUTE },
  { type: 'assign', contact: 'omar', user: 'alice', to: 'alice' },
]);

const assigneeName = (id: string) => cast.users.find((user) => user.id === id)?.name ?? id;

/** The inbox's conversations, with their counts of ongoing Workflows, as the engine reports them. */
const meta = {
  title: 'Messages/ContactList',
  component: ContactList,
  args: { rows: contactRowsOf(morning), selected: 'dana', onSelect: fn(), assigneeName },
} satisfies Meta<typeof ContactList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Morning: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const nav = canvas.getByRole('navigation', { name: 'Conversations' });
    const [dana, omar, lee] = within(nav).getAllByRole('button');
    await expect(dana).toHaveAttribute('aria-current', 'true');
    await expect(dana).toHaveAccessibleName(/^Dana 2 ongoing Workflows /);
    await expect(dana).toHaveTextContent("Thanks for your message, Dana! We'll get back to you shortly.");
    await expect(dana).toHaveTextContent('Assigned to sales');
    await expect(omar).toHaveAccessibleName(/^Omar 0 ongoing Workflows /);
    await expect(omar).toHaveTextContent('Assigned to Alice');
    await expect(omar).not.toHaveAttribute('aria-current');
    await expect(lee).toHaveTextContent('No messages yet');
    await expect(lee).toHaveTextContent('Unassigned');

    await userEvent.click(omar as HTMLElement);
    await expect(args.onSelect).toHaveBeenCalledWith('omar');
  },
};

/** The inbox as a session starts: nobody has written, nothing runs. */
export const NoMessagesYet: Story = {
  args: { rows: contactRowsOf(playSession([])), selected: 'omar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('No messages yet')).toHaveLength(3);
    for (const row of canvas.getAllByRole('button')) await expect(row).toHaveAccessibleName(/ 0 ongoing Workflows /);
    await expect(canvas.getByRole('button', { current: true })).toHaveTextContent(/^Omar/);
  },
};
