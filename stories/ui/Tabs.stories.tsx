import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
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

const three = [
  { value: 'run', label: 'Run', content: <p>The run’s transcript.</p> },
  { value: 'stops', label: 'Stops', content: <p>When a run stops.</p> },
  { value: 'population', label: 'Population', content: <p>Many contacts at once.</p> },
];

/**
 * The ARIA tabs pattern: each tab names the panel it controls, which is labelled by it; only the
 * selected tab is in the tab order; arrow keys wrap round, Home and End go to the ends, and the
 * panel follows the focused tab. A hidden panel draws nothing.
 */
export const ThreeTabsByKeyboard: Story = {
  args: { label: 'Side panel', tabs: three },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tab = (name: string) => canvas.getByRole('tab', { name });
    await expect(canvas.getByRole('tablist', { name: 'Side panel' })).toBeInTheDocument();
    const panel = canvas.getByRole('tabpanel', { name: 'Run' });
    await expect(tab('Run')).toHaveAttribute('aria-controls', panel.id);
    await expect(tab('Run')).toHaveAttribute('aria-selected', 'true');
    await expect(tab('Stops')).toHaveAttribute('aria-selected', 'false');
    await expect([tab('Run'), tab('Stops'), tab('Population')].map((element) => element.tabIndex)).toEqual([0, -1, -1]);
    await expect(canvas.queryByText('When a run stops.')).toBeNull();

    await userEvent.tab();
    await expect(tab('Run')).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(tab('Population')).toHaveFocus();
    await expect(tab('Population')).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByText('Many contacts at once.')).toBeVisible();
    await expect(canvas.queryByText('The run’s transcript.')).toBeNull();
    await userEvent.keyboard('{ArrowRight}');
    await expect(tab('Run')).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(tab('Population')).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(tab('Run')).toHaveFocus();
    await expect([tab('Run'), tab('Stops'), tab('Population')].map((element) => element.tabIndex)).toEqual([0, -1, -1]);

    // One stop in the tab order: Tab leaves the tabs for the panel.
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.tab();
    await expect(canvas.getByRole('tabpanel', { name: 'Stops' })).toHaveFocus();
  },
};

/** Controlled from elsewhere: a click asks, and the tab shown is the one the owner says. */
export const Controlled: Story = {
  args: { label: 'Side panel', tabs: three, value: 'stops', onValueChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('tab', { name: 'Stops' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(canvas.getByRole('tab', { name: 'Population' }));
    // Nobody changed `value`: the shown tab stays.
    await expect(canvas.getByRole('tab', { name: 'Stops' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByText('When a run stops.')).toBeVisible();
    await expect(args.onValueChange).toHaveBeenCalledWith('population');
    await expect(args.onValueChange).toHaveBeenCalledTimes(1);
  },
};
