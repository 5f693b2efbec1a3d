import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import { WorkflowSettingsPanel } from '../../src/parts/settings/WorkflowSettingsPanel.tsx';

/** The panel with its settings held in state, as the builder and the overview hold them; every change is reported. */
function Panel({ initial, onChange }: { initial: WorkflowSettings; onChange: (settings: WorkflowSettings) => void }) {
  const [settings, setSettings] = useState(initial);
  return (
    <WorkflowSettingsPanel
      settings={settings}
      onChange={(next) => {
        setSettings(next);
        onChange(next);
      }}
    />
  );
}

const meta = {
  title: 'Settings/WorkflowSettingsPanel',
  component: Panel,
  args: { onChange: fn(), initial: { manualStop: false, exitConditions: { enabled: false, on: [] } } },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

const MANUAL = 'Allow users to stop this Workflow for a Contact';
const EXIT = 'Set exit conditions to stop this Workflow for Contact';

export const BothOff: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('switch', { name: MANUAL })).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: EXIT })).not.toBeChecked();
    await expect(canvas.queryByRole('checkbox')).toBeNull();
  },
};

export const ManualStopOnly: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: false, on: [] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('switch', { name: MANUAL })).toBeChecked();
    await userEvent.click(canvas.getByRole('switch', { name: MANUAL }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: false, exitConditions: { enabled: false, on: [] } });
  },
};

export const ExitConditionsWithNoneChosen: Story = {
  args: { initial: { manualStop: false, exitConditions: { enabled: true, on: [] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Choose at least one condition');
    for (const label of ['Outgoing messages', 'Incoming messages', 'Manual assignment']) await expect(canvas.getByRole('checkbox', { name: label })).not.toBeChecked();
  },
};

export const ChoosingConditionsWithTheKeyboard: Story = {
  args: { initial: { manualStop: false, exitConditions: { enabled: false, on: [] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('switch', { name: EXIT }).focus();
    await userEvent.keyboard(' ');
    await expect(canvas.getByRole('alert')).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(canvas.getByRole('checkbox', { name: 'Outgoing messages' })).toBeChecked();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Manual assignment' }));
    // Conditions are kept in the table's order, whatever order they were ticked in.
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message', 'manual_assignment'] } });
  },
};

export const BothOnAllConditions: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message', 'manual_assignment'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('switch', { name: MANUAL })).toBeChecked();
    await expect(canvas.getByText(/Messages from Workflows and broadcasts do not count/)).toBeVisible();
    await expect(canvas.getByText(/a reply to its open question, do not count/)).toBeVisible();
    await expect(canvas.getByText(/Assignment by a Workflow or a rule, and unassignment, do not count/)).toBeVisible();
  },
};
