import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { Toast, ToastRegion, type ToastTone } from '../../src/ui/Toast.tsx';

interface Shown {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly tone: ToastTone;
}

/** The way the app uses toasts: a list in state, each removed when dismissed. */
function ToastDemo({ title, description }: { title: string; description: string }) {
  const [toasts, setToasts] = useState<readonly Shown[]>([]);
  const show = () => setToasts((shown) => [...shown, { id: (shown.at(-1)?.id ?? 0) + 1, title, description, tone: 'error' }]);
  return (
    <ToastRegion>
      <button type="button" className="ui-button" onClick={show}>
        Show error
      </button>
      {toasts.map((toast) => (
        <Toast
          key={toast.id}
          title={toast.title}
          description={toast.description}
          tone={toast.tone}
          onDismiss={() => setToasts((shown) => shown.filter((other) => other.id !== toast.id))}
        />
      ))}
    </ToastRegion>
  );
}

const meta = {
  title: 'UI/Toast',
  component: ToastDemo,
  subcomponents: { Toast, ToastRegion },
  args: {
    title: 'Could not save Lead nurture',
    description: 'The browser storage is full. Free some space and try again.',
  },
} satisfies Meta<typeof ToastDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = () => screen.getByRole('region', { name: 'Notifications (F8)' });

/** An error appears in the notifications region and stays until Dismiss. */
export const DismissAnError: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show error' }));
    const title = await within(region()).findByText('Could not save Lead nurture');
    await expect(title).toBeVisible();
    await expect(within(region()).getByText('The browser storage is full. Free some space and try again.')).toBeVisible();
    await userEvent.click(within(region()).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(within(region()).queryByText('Could not save Lead nurture')).toBeNull());
  },
};

/** One toast of each tone at once, stacked. */
export const AllTones: StoryObj<{ onDismiss: () => void }> = {
  args: { onDismiss: fn() },
  render: ({ onDismiss }) => (
    <ToastRegion>
      <Toast tone="error" title="Could not save Lead nurture" description="The browser storage is full." onDismiss={onDismiss} />
      <Toast tone="info" title="Simulation running" description="Dana · Lead nurture" onDismiss={onDismiss} />
      <Toast tone="success" title="Workflow saved" onDismiss={onDismiss} />
    </ToastRegion>
  ),
  play: async ({ args }) => {
    const toasts = within(region());
    await expect(await toasts.findByText('Could not save Lead nurture')).toBeVisible();
    await expect(toasts.getByText('Simulation running')).toBeVisible();
    await expect(toasts.getByText('Workflow saved')).toBeVisible();
    await expect(toasts.getAllByRole('button', { name: 'Dismiss' })).toHaveLength(3);
    await userEvent.click(toasts.getAllByRole('button', { name: 'Dismiss' })[2]!);
    await expect(args.onDismiss).toHaveBeenCalledOnce();
  },
};
