import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Tabs } from '../../src/ui/Tabs.tsx';

const meta = {
  title: 'UI/Tabs',
  component: Tabs,
  args: {
    label: 'Workflows for Dana',
    tabs: [
      { value: 'shortcuts', label: 'Shortcuts', content: <p>Start a shortcut-triggered Workflow for this contact.</p> },
      { value: 'ongoing', label: 'Ongoing Workflows', content: <p>Lead nurture · waiting at Wait 24h</p> },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The arrow key moves to the next tab and shows its panel. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('tab', { name: 'Shortcuts' }));
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Ongoing Workflows' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByText('Lead nurture · waiting at Wait 24h')).toBeVisible();
  },
};
