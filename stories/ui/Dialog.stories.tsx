import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { Dialog, DialogClose } from '../../src/ui/Dialog.tsx';

const meta = {
  title: 'UI/Dialog',
  component: Dialog,
  args: {
    trigger: (
      <button type="button" className="ui-button">
        Workflow settings
      </button>
    ),
    title: 'Workflow settings',
    description: 'Changes apply to runs that start after you save.',
    children: (
      <label className="ui-field__label">
        Name <input type="text" defaultValue="Lead nurture" />
      </label>
    ),
    footer: (
      <>
        <DialogClose asChild>
          <button type="button" className="ui-button">
            Cancel
          </button>
        </DialogClose>
        <DialogClose asChild>
          <button type="button" className="ui-button">
            Save
          </button>
        </DialogClose>
      </>
    ),
  },
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

async function open(canvasElement: HTMLElement) {
  const trigger = within(canvasElement).getByRole('button', { name: 'Workflow settings' });
  await userEvent.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: 'Workflow settings' });
  return { trigger, dialog };
}

/** The trigger opens it with focus on the first field; Escape closes it and focus returns. */
export const EscapeCloses: Story = {
  play: async ({ canvasElement }) => {
    const { trigger, dialog } = await open(canvasElement);
    await expect(dialog).toHaveAccessibleDescription('Changes apply to runs that start after you save.');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    await expect(name).toHaveValue('Lead nurture');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** The corner button closes it. */
export const CloseButton: Story = {
  play: async ({ canvasElement }) => {
    const { trigger, dialog } = await open(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** A footer button wrapped in DialogClose closes it too. */
export const FooterCloses: Story = {
  play: async ({ canvasElement }) => {
    const { dialog } = await open(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

/** Without a description the dialog has none (and Radix does not warn). */
export const NoDescription: Story = {
  args: { description: undefined },
  play: async ({ canvasElement }) => {
    const { dialog } = await open(canvasElement);
    await expect(dialog).not.toHaveAttribute('aria-describedby');
  },
};

/** The trigger says what it opens from first paint, before the dialog's code is fetched, and Radix keeps saying so on the same button. */
export const TriggerSaysItOpensADialog: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Workflow settings' });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    const { dialog } = await open(canvasElement);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await expect(trigger).toHaveAttribute('aria-controls', dialog.id);
  },
};

/** Opened from elsewhere (`open` controlled, no trigger): focus goes in, and back to what had it on Escape. */
export const ControlledWithoutTrigger: Story = {
  args: { trigger: undefined },
  render: function Render(args) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" className="ui-button" onClick={() => setOpen(true)}>
          Open settings
        </button>
        <Dialog {...args} open={open} onOpenChange={setOpen} />
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Open settings' });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Workflow settings' });
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};
