import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { RunningWorkflows } from '../../src/screens/messages/inbox/RunningWorkflows.tsx';
import '../../src/screens/messages/messages.css';
import { storedWithAProblem } from './messagesFixtures.ts';

const names = storedWithAProblem().running.map((workflow) => workflow.name);

/** What the live session runs, under the conversations. */
const meta = {
  title: 'Messages/RunningWorkflows',
  component: RunningWorkflows,
  args: { names },
} satisfies Meta<typeof RunningWorkflows>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Running: Lead nurture, VIP routing, 24h follow-up, Book a demo')).toBeVisible();
  },
};

/** In the conversations' width: the names wrap, none is cut. */
export const Narrow: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: '14rem' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector<HTMLElement>('.running-workflows');
    await expect(line).toHaveTextContent('Running: Lead nurture, VIP routing, 24h follow-up, Book a demo');
    await expect(line?.scrollWidth).toBeLessThanOrEqual(line?.clientWidth ?? 0);
    await expect(line?.getBoundingClientRect().height).toBeGreaterThan(30);
  },
};
