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

/**
 * A 100,000-character paste is kept whole (the field cut it to 4,096 without a word): the line
 * under the field says it is too long and by how much, and neither Enter nor Send sends it.
 */
export const TooLongToSend: Story = {
  args: { side: 'contact' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Message as Dana' });
    const pasted = `${'Here is the whole log you asked for. '.repeat(2703).slice(0, 99_999)}.`;
    await userEvent.click(text);
    await userEvent.paste(pasted);
    // The length first: a failing comparison of the whole text prints 100,000 characters twice.
    await expect((text as HTMLTextAreaElement).value.length).toBe(100_000);
    await expect((text as HTMLTextAreaElement).value === pasted).toBe(true);
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(text).toHaveAccessibleDescription('Too long to send: at most 4,096 characters, this message has 100,000 (95,904 over).');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.keyboard('{Enter}');
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSend).not.toHaveBeenCalled();
    await expect((text as HTMLTextAreaElement).value === pasted).toBe(true);
  },
};

/** Near the limit the characters are counted; at exactly 4,096 the message still sends. */
export const AtTheLimit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Message as Alice' });
    await userEvent.click(text);
    await userEvent.paste('a'.repeat(4096));
    await expect(text).toHaveAccessibleDescription('4,096 of 4,096 characters');
    await expect(text).not.toHaveAttribute('aria-invalid');
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSend).toHaveBeenCalledOnce();
    await expect(args.onSend).toHaveBeenCalledWith('a'.repeat(4096));
    await expect(text).toHaveValue('');
    await expect(canvas.queryByText(/of 4,096 characters/)).toBeNull();
  },
};
