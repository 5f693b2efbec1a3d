import type { Meta, StoryObj } from '@storybook/react-vite';
import { Inbox } from 'lucide-react';
import { expect, within } from 'storybook/test';
import { EmptyState } from '../../src/ui/EmptyState.tsx';

const meta = {
  title: 'App/EmptyState',
  component: EmptyState,
  args: {
    icon: <Inbox size={32} />,
    title: 'No conversations yet',
    children: <p>Conversations start when a published Workflow is triggered.</p>,
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithAction: Story = {
  args: {
    action: (
      <button type="button" className="ui-button ui-button--primary">
        Create a Workflow
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'No conversations yet' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Create a Workflow' })).toBeVisible();
  },
};

export const WithoutAction: Story = {};
