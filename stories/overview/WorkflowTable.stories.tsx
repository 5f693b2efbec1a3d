import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { WorkflowTable } from '../../src/screens/overview/WorkflowTable.tsx';
import { StoryApp } from '../fixtures/StoryApp.tsx';

const at = Date.UTC(2026, 10, 20, 9, 30);

const meta = {
  title: 'Overview/WorkflowTable',
  component: WorkflowTable,
  decorators: [(Story) => <StoryApp>{<Story />}</StoryApp>],
  args: {
    workflows: [
      { id: 'follow-up', name: '24h follow-up', trigger: 'incoming_message', status: 'draft', stepCount: 4, updatedAt: at },
      { id: 'lead-nurture', name: 'Lead nurture', trigger: 'conversation_opened', status: 'published', stepCount: 7, updatedAt: at - 86_400_000 },
      { id: 'xss', name: '<img src=x onerror=alert(1)>', trigger: 'shortcut', status: 'draft', stepCount: 0, updatedAt: at - 2 * 86_400_000 },
    ],
  },
} satisfies Meta<typeof WorkflowTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SeveralWorkflows: Story = {
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Workflows' });
    await expect(within(table).getAllByRole('row')).toHaveLength(4);
    await expect(within(table).getByRole('link', { name: '24h follow-up' })).toHaveAttribute('href', '/builder/follow-up');
    await expect(within(table).getByText('Published')).toBeVisible();
    // A name is text, never markup.
    await expect(within(table).getByRole('link', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
