import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Composer } from '../../src/screens/messages/conversation/Composer.tsx';
import '../../src/screens/messages/messages.css';

/** Writing into the conversation, as the agent or as the contact. */
const meta = {
  title: 'Messages/Composer',
  component: Composer,
  args: { side: 'agent', onSideChange: fn(), contactName: 'Dana', userName: 'Alice', onSend: fn(async () => true) },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** As Dana: Enter sends; the engine took it, so the draft is cleared. */
export const AsTheContact: Story = {
  args: { side: 'contact' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: 'Dana (contact)' })).toBeChecked();
    const text = canvas.getByRole('textbox', { name: 'Message as Dana' });
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.type(text, 'Pricing for a team of ten, please.{Enter}');
    await expect(args.onSend).toHaveBeenCalledOnce();
    await expect(args.onSend).toHaveBeenCalledWith('Pricing for a team of ten, please.');
    await expect(text).toHaveValue('');
  },
};

/** As Alice: Shift+Enter starts a new line, the Send button sends; choosing the other side is reported. */
export const AsTheAgent: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Message as Alice' });
    await expect(text).toHaveAttribute('placeholder', 'Reply to Dana as Alice…');
    await userEvent.type(text, 'Hi Dana,{Shift>}{Enter}{/Shift}Alice here.');
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSend).toHaveBeenCalledWith('Hi Dana,\nAlice here.');

    await userEvent.click(canvas.getByRole('radio', { name: 'Dana (contact)' }));
    await expect(args.onSideChange).toHaveBeenCalledWith('contact');
  },
};

/** The engine did not take the message: the draft stays for another try. */
export const NotTaken: Story = {
  args: { onSend: fn(async () => false) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Message as Alice' });
    await userEvent.type(text, 'Hello?{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('Hello?');
    await waitFor(() => expect(text).toHaveValue('Hello?'));
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

/**
 * The engine takes its time (the session is kept after each message): what is written meanwhile is
 * the next message, and stays when the answer comes (it was erased: the draft was cleared then).
 */
export const WritingWhileItSends: Story = {
  args: { onSend: fn(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300))) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Message as Alice' });
    await userEvent.type(text, 'First{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('First');
    await expect(text).toHaveValue('');
    await userEvent.type(text, 'Second');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(text).toHaveValue('Second');
    await expect(args.onSend).toHaveBeenCalledOnce();
  },
};
