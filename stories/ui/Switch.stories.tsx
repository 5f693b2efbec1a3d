import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Switch } from '../../src/ui/Switch.tsx';

function StatefulSwitch(props: { label: string; description?: string; initiallyOn?: boolean; disabled?: boolean }) {
  const [on, setOn] = useState(props.initiallyOn ?? false);
  return <Switch label={props.label} {...(props.description ? { description: props.description } : {})} checked={on} onCheckedChange={setOn} disabled={props.disabled ?? false} />;
}

const meta = {
  title: 'UI/Switch',
  component: StatefulSwitch,
  args: {
    label: 'Allow users to stop this Workflow for a Contact',
    description: 'Agents may stop an ongoing run for one contact from the Messages view.',
  },
} satisfies Meta<typeof StatefulSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Off; clicking the label turns it on, Space turns it off again. */
export const Off: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' });
    await expect(toggle).not.toBeChecked();
    await userEvent.click(canvas.getByText('Allow users to stop this Workflow for a Contact'));
    await expect(toggle).toBeChecked();
    await userEvent.keyboard(' ');
    await expect(toggle).not.toBeChecked();
  },
};

export const On: Story = { args: { initiallyOn: true } };

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('switch')).toBeDisabled();
  },
};
