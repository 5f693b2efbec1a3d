import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { ConversationActions } from '../../src/screens/messages/conversation/ConversationActions.tsx';
import { WorkflowsPanel } from '../../src/screens/messages/conversation/WorkflowsPanel.tsx';
import type { OngoingRun } from '../../src/screens/messages/live/ongoingRuns.ts';
import { workflowRef } from '../../src/screens/messages/live/sessionScript.ts';
import '../../src/screens/messages/messages.css';
import { bookDemoShortcut, cast, danaWritesIn, inboxWorkflow, inboxWorkflows, MINUTE, ongoingOf, playSession, startEpochMs, timeZone, userNamed } from './messagesFixtures.ts';

interface Props {
  /** Who is working the inbox. */
  readonly userId: string;
  readonly onStop: (run: OngoingRun) => void;
  readonly onStartShortcut: (workflow: Workflow) => void;
}

/**
 * Dana's conversation header and its Workflows panel, as the conversation wires them, on a live
 * session twenty minutes after Dana wrote in: Stop and Start go to the real engine, and the panel
 * shows what it reports.
 */
function DanasWorkflows({ userId, onStop, onStartShortcut }: Props) {
  const [live] = useState(() => playSession([...danaWritesIn, { advance: 20 * MINUTE }]));
  const [ongoing, setOngoing] = useState(() => ongoingOf(live, 'dana'));
  const [open, setOpen] = useState(false);
  const user = userNamed(userId);
  const shortcuts = inboxWorkflows.filter((workflow) => workflow.trigger.type === 'shortcut');
  const refOf = (id: string) => workflowRef(inboxWorkflow(id), inboxWorkflows);
  return (
    <section className="conversation" aria-label="Conversation with Dana">
      <header className="conversation__header">
        <h2 className="conversation__title">Dana</h2>
        <ConversationActions user={user} workflowsOpen={open && !user.restricted} onToggleWorkflows={() => setOpen((was) => !was)} ongoingCount={ongoing.length} />
      </header>
      <div className="conversation__body">
        <div className="conversation__main" />
        {open && !user.restricted && (
          <WorkflowsPanel
            contactName="Dana"
            ongoing={ongoing}
            shortcuts={shortcuts}
            now={live.time}
            startEpochMs={startEpochMs}
            timeZone={timeZone}
            onStop={(run) => {
              onStop(run);
              live.command({ type: 'workflow.stop', contact: 'dana', user: user.id, workflow: refOf(run.workflowId) });
              setOngoing(ongoingOf(live, 'dana'));
            }}
            onStartShortcut={(workflow) => {
              onStartShortcut(workflow);
              live.command({ type: 'shortcut', contact: 'dana', user: user.id, workflow: refOf(workflow.id) });
              setOngoing(ongoingOf(live, 'dana'));
            }}
            onClose={() => setOpen(false)}
          />
        )}
      </div>
    </section>
  );
}

/** The Workflows icon of Conversation Actions and the panel it opens: Shortcuts and Ongoing Workflows. */
const meta = {
  title: 'Messages/WorkflowsPanel',
  component: DanasWorkflows,
  args: { userId: 'alice', onStop: fn(), onStartShortcut: fn() },
} satisfies Meta<typeof DanasWorkflows>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Alice, an agent without the user restriction, opens the panel: Ongoing Workflows first, then Shortcuts. */
export const Unrestricted: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const icon = canvas.getByRole('button', { name: 'Workflows' });
    await expect(icon).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(icon);
    await expect(icon).toHaveAttribute('aria-expanded', 'true');

    const panel = canvas.getByRole('complementary', { name: 'Workflows' });
    await expect(icon).toHaveAttribute('aria-controls', panel.id);
    const tabs = within(panel).getByRole('tablist', { name: 'Workflows for Dana' });
    await expect(within(tabs).getByRole('tab', { name: 'Shortcuts' })).toHaveAttribute('aria-selected', 'false');
    await expect(within(tabs).getByRole('tab', { name: 'Ongoing Workflows (2)' })).toHaveAttribute('aria-selected', 'true');
    await expect(within(panel).getByRole('list', { name: 'Ongoing Workflows for Dana' })).toBeVisible();

    await userEvent.click(within(tabs).getByRole('tab', { name: 'Shortcuts' }));
    await expect(within(tabs).getByRole('tab', { name: 'Shortcuts' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(within(panel).getByRole('button', { name: 'Start Book a demo for Dana' }));
    await expect(args.onStartShortcut).toHaveBeenCalledWith(bookDemoShortcut);

    await userEvent.click(within(panel).getByRole('button', { name: 'Close Workflows' }));
    await expect(canvas.queryByRole('complementary', { name: 'Workflows' })).toBeNull();
    await expect(icon).toHaveAttribute('aria-expanded', 'false');
  },
};

/**
 * A stop confirmed in the panel goes to the engine: the run ends and the tab's count drops. Its
 * Stop button went with it, and no other run has one: the focus goes to the tab, not the page.
 */
export const StopFromThePanel: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Workflows' }));
    const panel = canvas.getByRole('complementary', { name: 'Workflows' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Stop Lead nurture' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop Lead nurture for Dana?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop Workflow' }));
    await expect(args.onStop).toHaveBeenCalledWith(expect.objectContaining({ workflowName: 'Lead nurture' }));
    await expect(within(panel).getByRole('tab', { name: 'Ongoing Workflows (1)' })).toBeVisible();
    await expect(within(panel).queryByRole('listitem', { name: 'Lead nurture' })).toBeNull();
    await expect(within(panel).getByRole('listitem', { name: '24h follow-up' })).toBeVisible();
    await waitFor(() => expect(within(panel).getByRole('tab', { name: 'Ongoing Workflows (1)' })).toHaveFocus());
  },
};

/** Rita has the user restriction: the Workflows icon is not there at all (hidden, not disabled). */
export const Restricted: Story = {
  args: { userId: 'rita' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(cast.users.find((user) => user.id === 'rita')?.restricted).toBe(true);
    await expect(canvas.getByRole('toolbar', { name: 'Conversation actions' })).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Workflows' })).toBeNull();
    await expect(canvas.queryByRole('complementary', { name: 'Workflows' })).toBeNull();
  },
};
