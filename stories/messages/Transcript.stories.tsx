import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Transcript } from '../../src/parts/transcript/Transcript.tsx';
import '../../src/screens/messages/messages.css';
import { aliceTakesOmar, danasMorning, handBackWorkflows, HOUR, playSession, startEpochMs, timeZone, transcriptOf } from './messagesFixtures.ts';

/** A contact's conversation, built from the trace of the real engine playing the demo inbox. */
const meta = {
  title: 'Messages/Transcript',
  component: Transcript,
  args: { contactName: 'Dana', items: [], startEpochMs, timeZone },
} satisfies Meta<typeof Transcript>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The line of the transcript that shows `text`. */
const lineOf = (canvasElement: HTMLElement, text: string | RegExp) => within(canvasElement).getByText(text).closest('li');

/**
 * Every kind of line, from one morning of the engine: Dana's messages, the Workflows' (robot and
 * name), a broadcast, Alice's reply; activity lines for runs starting and completing (info), the
 * 24h follow-up stopped by Dana's answer and Lead nurture stopped by Alice (stop), Rita's stop
 * refused (refused) and VIP routing's note for Sales (note).
 */
export const EveryKind: Story = {
  args: { items: transcriptOf(playSession(danasMorning), 'dana') },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Conversation with Dana' });
    const kinds = [...log.querySelectorAll('[data-kind]')].map((line) => line.getAttribute('data-kind'));
    await expect(new Set(kinds)).toEqual(new Set(['contact', 'agent', 'workflow', 'broadcast', 'activity']));

    await expect(lineOf(canvasElement, "Hi, I'd like to know more about Acme.")).toHaveAttribute('data-kind', 'contact');
    await expect(lineOf(canvasElement, 'Hi Dana! Thanks for reaching out to Acme.')).toHaveTextContent(/^Workflow Lead nurture/);
    await expect(lineOf(canvasElement, 'Our January sale starts today.')).toHaveTextContent(/^Broadcast/);
    await expect(lineOf(canvasElement, 'Hi Dana, Alice here. I will send you a quote today.')).toHaveTextContent(/^Alice/);

    const tones = {
      info: 'Workflow Lead nurture started for Dana',
      stop: 'Workflow 24h follow-up stopped: incoming message',
      refused: 'Stop of Lead nurture refused for Rita: the user has the user restriction',
      note: 'Internal comment: "VIP lead (pro plan): answer within the hour."',
    };
    for (const [tone, text] of Object.entries(tones)) await expect(within(log).getAllByText(text)[0]?.closest('li')).toHaveClass(`transcript__activity--${tone}`);
    await expect(lineOf(canvasElement, 'Workflow Lead nurture stopped by Alice')).toHaveClass('transcript__activity--stop');

    // Times are virtual, in the workspace's time zone: Dana wrote at the session's start.
    await expect(lineOf(canvasElement, "Hi, I'd like to know more about Acme.")?.querySelector('time')).toHaveAttribute('datetime', '2026-01-05T09:00:00.000Z');
  },
};

/**
 * Hand-back: Alice's message pauses both of Omar's Workflows (pause lines, in the pause colour);
 * two hours of quiet later Demo assistant resumes (an info line), while Demo reminder stays paused
 * until the conversation is closed.
 */
export const HandBack: Story = {
  args: { contactName: 'Omar', items: transcriptOf(playSession([...aliceTakesOmar, { advance: 2 * HOUR }], handBackWorkflows), 'omar', handBackWorkflows) },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Conversation with Omar' });
    await expect(lineOf(canvasElement, /^Workflow Demo assistant paused at "Wait 1 day": outgoing message/)).toHaveClass('transcript__activity--pause');
    await expect(lineOf(canvasElement, /^Workflow Demo reminder paused at "Wait 1 day": outgoing message; resumes when the conversation is closed/)).toHaveClass(
      'transcript__activity--pause',
    );
    const resumed = lineOf(canvasElement, /^Workflow Demo assistant resumes at "Wait 1 day": your team has been quiet for 2h/);
    await expect(resumed).toHaveClass('transcript__activity--info');
    // Two hours after Alice wrote (at 10:00:01).
    await expect(resumed?.querySelector('time')).toHaveAttribute('datetime', '2026-01-05T12:00:01.000Z');
    await expect(within(log).queryByText(/^Workflow Demo reminder resumes/)).toBeNull();
  },
};

/** A contact who has not written yet. */
export const Empty: Story = {
  args: { contactName: 'Omar', items: [] },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log', { name: 'Conversation with Omar' });
    await expect(log).toHaveTextContent('No messages yet. Write as Omar to start the conversation.');
  },
};
