import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Screen } from '../../src/ui/Screen.tsx';

/** Throws while `broken` is set: a screen whose content crashed. */
function Fragile({ broken }: { broken: boolean }) {
  if (broken) throw new Error('Cannot read properties of undefined (reading "steps")');
  return <p>The content came back.</p>;
}

/** A screen whose content fails once; "Try again" renders it again after the cause is gone. */
function CrashingScreen() {
  const [broken, setBroken] = useState(true);
  return (
    <>
      <Screen title="Builder" description="Draw a Workflow step by step.">
        <Fragile broken={broken} />
      </Screen>
      <button type="button" className="ui-button" onClick={() => setBroken(false)}>
        Fix the cause
      </button>
    </>
  );
}

const meta = {
  title: 'App/Screen',
  component: Screen,
  args: { title: 'Messages', description: 'A demo inbox where published Workflows talk to contacts.', children: <p>The screen’s content.</p> },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithContent: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
    await expect(document.title).toBe('Messages · exitflow');
  },
};

export const ContentCrashed: Story = {
  render: () => <CrashingScreen />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole('alert');
    await expect(within(alert).getByRole('heading', { name: 'Builder hit a problem' })).toBeVisible();
    await expect(alert).toHaveTextContent('Cannot read properties of undefined (reading "steps")');
    await expect(canvas.getByRole('heading', { level: 1, name: 'Builder' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Fix the cause' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(canvas.getByText('The content came back.')).toBeVisible();
  },
};
