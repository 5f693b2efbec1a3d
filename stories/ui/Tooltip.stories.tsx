import type { Meta, StoryObj } from '@storybook/react-vite';
import { Link } from 'lucide-react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { IconButton, Tooltip } from '../../src/ui/Tooltip.tsx';

const meta = {
  title: 'UI/Tooltip',
  component: Tooltip,
  subcomponents: { IconButton },
  args: {
    content: 'Copies the Workflow with its stop settings',
    children: (
      <button type="button" className="ui-button">
        Duplicate
      </button>
    ),
  },
} satisfies Meta<typeof Tooltip>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Hovering shows the hint after a short delay; Escape hides it. */
export const OnHover: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.hover(within(canvasElement).getByRole('button', { name: 'Duplicate' }));
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Copies the Workflow with its stop settings');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  },
};

/** Keyboard focus shows it at once and ties it to the button as its description. */
export const OnFocus: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Duplicate' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    const tooltip = await screen.findByRole('tooltip');
    await expect(button).toHaveAccessibleDescription('Copies the Workflow with its stop settings');
    await expect(tooltip).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

/** An icon-only button: named by its label, which its tooltip shows; clicking runs its action. */
export const IconOnlyButton: StoryObj<{ label: string; onClick: () => void }> = {
  args: { label: 'Copy run link', onClick: fn() },
  render: ({ label, onClick }) => <IconButton label={label} icon={<Link size={16} />} onClick={onClick} />,
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Copy run link' });
    await userEvent.hover(button);
    await expect(await screen.findByRole('tooltip', { name: 'Copy run link' })).toBeVisible();
    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
