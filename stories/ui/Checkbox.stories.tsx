import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Checkbox } from '../../src/ui/Checkbox.tsx';

function StatefulCheckbox(props: { label: string; description?: string; initiallyChecked?: boolean }) {
  const [checked, setChecked] = useState(props.initiallyChecked ?? false);
  return <Checkbox label={props.label} {...(props.description ? { description: props.description } : {})} checked={checked} onCheckedChange={setChecked} />;
}

const meta = {
  title: 'UI/Checkbox',
  component: StatefulCheckbox,
  args: {
    label: 'Incoming messages',
    description: 'Met when the contact writes; not by the message that started the run, nor by an answer to its question.',
  },
} satisfies Meta<typeof StatefulCheckbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unchecked: Story = {
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole('checkbox', { name: 'Incoming messages' });
    await expect(box).not.toBeChecked();
    await userEvent.click(box);
    await expect(box).toBeChecked();
  },
};

export const Checked: Story = { args: { initiallyChecked: true } };
