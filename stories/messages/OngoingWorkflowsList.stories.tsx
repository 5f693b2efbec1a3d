import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { OngoingWorkflowsList } from '../../src/screens/messages/conversation/OngoingWorkflowsList.tsx';
import '../../src/screens/messages/messages.css';
import { ongoingRuns, runsEndedByPublish } from '../../src/screens/messages/live/ongoingRuns.ts';
import { sessionVersions } from '../../src/screens/messages/live/sessionVersions.ts';
import { aliceTakesOmar, danasMorning, danaWritesIn, handBackWorkflows, HOUR, inboxWorkflow, inboxWorkflows, MINUTE, ongoingOf, playSession, startEpochMs, timeZone } from './messagesFixtures.ts';

/** Twenty minutes after Dana wrote in: Lead nurture waits for her answer, the 24h follow-up for its timer. */
const twentyMinutesIn = playSession([...danaWritesIn, { advance: 20 * MINUTE }]);

/** Dana answered: the 24h follow-up stopped (Incoming messages), Lead nurture waits a day to nudge her. */
const afterHerAnswer = playSession([...danasMorning.slice(0, 5), { advance: 2 * HOUR }]);

/**
 * Twenty minutes after Dana wrote in, new versions are published into the session: the 24h
 * follow-up's (its Wait renamed, same id) moving her run, and Lead nurture's stopping hers.
 */
const afterTwoPublishes = (() => {
  const live = playSession([...danaWritesIn, { advance: 20 * MINUTE }]);
  const followUp = inboxWorkflow('follow-up');
  const followUpV2 = { ...followUp, steps: followUp.steps.map((step) => (step.id === 'wait' ? { ...step, label: 'Wait a day' } : step)) };
  const nurture = inboxWorkflow('lead-nurture');
  for (const [file, version, policy] of [['version-2', followUpV2, 'move'], ['version-3', nurture, 'stop']] as const) {
    const outcome = live.publish({ workflow: version.id, file, policy }, version);
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
  }
  const versions = sessionVersions({ startWorkflows: inboxWorkflows, versions: live.versions(), published: live.published() });
  return { live, runs: ongoingRuns('dana', live.runs(), live.trace(), inboxWorkflows, versions), ended: runsEndedByPublish('dana', live.runs(), versions) };
})();

/** Omar's two hand-back runs, paused by Alice's message half an hour ago. */
const omarHandedOver = playSession(aliceTakesOmar, handBackWorkflows);

/** The contact's active and paused runs, as the engine reports them, each with Stop where its Workflow allows it. */
const meta = {
  title: 'Messages/OngoingWorkflowsList',
  component: OngoingWorkflowsList,
  args: { contactName: 'Dana', runs: [], now: 0, startEpochMs, timeZone, onStop: fn() },
} satisfies Meta<typeof OngoingWorkflowsList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  args: { contactName: 'Omar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No Workflow is running for Omar.')).toBeVisible();
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

export const OneRun: Story = {
  args: { runs: ongoingOf(afterHerAnswer, 'dana'), now: afterHerAnswer.time },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const run = canvas.getByRole('listitem', { name: 'Lead nurture' });
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1);
    await expect(within(run).getByRole('button', { name: 'Stop Lead nurture' })).toBeEnabled();
    await expect(run).toHaveTextContent('Current stepWait 24h');
    await expect(run).toHaveTextContent('SinceMon 5 Jan, 09:15:00 (2h ago)');
    await expect(run).toHaveTextContent('Waits forA timer, due in 22h');
  },
};

/** Two runs for Dana; the 24h follow-up does not allow users to stop it, so it has no Stop button. */
export const SeveralRuns: Story = {
  args: { runs: ongoingOf(twentyMinutesIn, 'dana'), now: twentyMinutesIn.time },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('list', { name: 'Ongoing Workflows for Dana' })).toBeVisible();
    const nurture = canvas.getByRole('listitem', { name: 'Lead nurture' });
    await expect(nurture).toHaveTextContent('Current stepAsk what they need');
    await expect(nurture).toHaveTextContent('Waits forA reply, or gives up in 40m');
    const followUp = canvas.getByRole('listitem', { name: '24h follow-up' });
    await expect(within(followUp).getByText('Cannot be stopped by hand')).toBeVisible();
    await expect(within(followUp).queryByRole('button')).toBeNull();
    await expect(followUp).toHaveTextContent('Waits forA timer, due in 23h40m');
  },
};

/** After publishes in the session: the moved run says its version and its step as that version labels it; the stopped one is listed with the engine's reason. */
export const AfterPublishes: Story = {
  args: { runs: afterTwoPublishes.runs, endedByPublish: afterTwoPublishes.ended, now: afterTwoPublishes.live.time },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const moved = within(canvas.getByRole('list', { name: 'Ongoing Workflows for Dana' })).getByRole('listitem', { name: '24h follow-up' });
    await expect(moved).toHaveTextContent('24h follow-upversion 2');
    await expect(moved).toHaveTextContent('Current stepWait a day');
    await expect(moved).toHaveTextContent('Waits forA timer, due in 23h39m');
    const stopped = within(canvas.getByRole('region', { name: 'Stopped by a new version' })).getByRole('listitem', { name: 'Lead nurture' });
    await expect(stopped).toHaveTextContent('Stopped at "Ask what they need": a new version of the Workflow was published, and its runs in flight were stopped.');
  },
};

/** Stop asks first, naming the Workflow and the contact; confirming hands the run to the engine. */
export const StopAfterConfirming: Story = {
  args: { runs: ongoingOf(twentyMinutesIn, 'dana'), now: twentyMinutesIn.time },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Lead nurture' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop Lead nurture for Dana?' });
    await expect(dialog).toHaveTextContent('The run ends at "Ask what they need"');
    await expect(args.onStop).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop Workflow' }));
    await expect(args.onStop).toHaveBeenCalledOnce();
    await expect(args.onStop).toHaveBeenCalledWith(expect.objectContaining({ workflowId: 'lead-nurture', workflowName: 'Lead nurture', manualStop: true }));
    await expect(screen.queryByRole('alertdialog')).toBeNull();
  },
};

export const StopCancelled: Story = {
  args: { runs: ongoingOf(twentyMinutesIn, 'dana'), now: twentyMinutesIn.time },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Lead nurture' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop Lead nurture for Dana?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(args.onStop).not.toHaveBeenCalled();
    await expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Stop Lead nurture' })).toHaveFocus());
  },
};

/**
 * Two runs that may be stopped: the first one stopped, its Stop button goes with it and the focus
 * goes to the next run's Stop button (issue 14: it fell to the page); the last one stopped, to the
 * list itself.
 */
export const FocusAfterStop: Story = {
  render: function StoppingInTurn(args) {
    const [runs, setRuns] = useState(() => ongoingOf(twentyMinutesIn, 'dana').map((run) => ({ ...run, manualStop: true })));
    return (
      <OngoingWorkflowsList
        {...args}
        runs={runs}
        onStop={(stopped) => {
          args.onStop(stopped);
          // The engine answers later than the dialog closes, as the worker does.
          setTimeout(() => setRuns((now) => now.filter((run) => run.run !== stopped.run)), 50);
        }}
      />
    );
  },
  args: { now: twentyMinutesIn.time },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const stops = canvas.getAllByRole('button', { name: /^Stop / });
    await expect(stops).toHaveLength(2);
    const [first, second] = stops as [HTMLElement, HTMLElement];
    await userEvent.click(first);
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Stop Workflow' }));
    await waitFor(() => expect(first).not.toBeInTheDocument());
    await waitFor(() => expect(second).toHaveFocus());
    await userEvent.click(second);
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Stop Workflow' }));
    await waitFor(() => expect(canvas.getByText('No Workflow is running for Dana.')).toBeVisible());
    await waitFor(() => expect(canvasElement.querySelector('.ongoing-runs')).toHaveFocus());
  },
};

/**
 * Two runs paused by Alice's message: each says its Workflow's resume rule, when it paused and on
 * which condition, when it resumes (1h30m to go, or when the conversation is closed) and what its
 * frozen timer will have left; both can still be stopped by hand.
 */
export const PausedRuns: Story = {
  args: { contactName: 'Omar', runs: ongoingOf(omarHandedOver, 'omar', handBackWorkflows), now: omarHandedOver.time },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const assistant = canvas.getByRole('listitem', { name: 'Demo assistant' });
    await expect(assistant).toHaveTextContent('Paused — resumes after 2h without a message from your team');
    await expect(assistant).toHaveTextContent('Current stepWait 1 day');
    await expect(assistant).toHaveTextContent('PausedMon 5 Jan, 10:00:01 (30m ago), by Outgoing messages');
    await expect(assistant).toHaveTextContent('ResumesIn 1h30m, if your team stays quiet');
    await expect(assistant).toHaveTextContent('Then waits forWait 1 day, with 23h left when it resumes');
    await expect(within(assistant).getByRole('button', { name: 'Stop Demo assistant' })).toBeEnabled();
    const reminder = canvas.getByRole('listitem', { name: 'Demo reminder' });
    await expect(reminder).toHaveTextContent('Paused — resumes when the conversation is closed');
    await expect(reminder).toHaveTextContent('ResumesWhen the conversation is closed');
    await expect(within(reminder).getByRole('button', { name: 'Stop Demo reminder' })).toBeEnabled();
  },
};

/** A paused run is stopped as an active one is: asked first, then handed to the engine. */
export const StopPausedRun: Story = {
  args: { contactName: 'Omar', runs: ongoingOf(omarHandedOver, 'omar', handBackWorkflows), now: omarHandedOver.time },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Demo assistant' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop Demo assistant for Omar?' });
    await expect(dialog).toHaveTextContent('The paused run ends at "Wait 1 day" and will not resume: nothing more of this Workflow is sent to Omar');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop Workflow' }));
    await expect(args.onStop).toHaveBeenCalledWith(expect.objectContaining({ workflowId: 'demo-assistant', pause: expect.objectContaining({ reason: 'outgoing_message' }) }));
  },
};
