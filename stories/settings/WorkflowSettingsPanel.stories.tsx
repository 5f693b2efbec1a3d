import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import { WorkflowSettingsPanel } from '../../src/parts/settings/WorkflowSettingsPanel.tsx';

/** The panel with its settings held in state, as the builder and the overview hold them; every change is reported. */
function Panel({
  initial,
  onChange,
  whenStoppedPath = false,
  onAddWhenStoppedPath,
}: {
  initial: WorkflowSettings;
  onChange: (settings: WorkflowSettings) => void;
  whenStoppedPath?: boolean;
  onAddWhenStoppedPath?: () => void;
}) {
  const [settings, setSettings] = useState(initial);
  return (
    <WorkflowSettingsPanel
      settings={settings}
      whenStoppedPath={whenStoppedPath}
      onAddWhenStoppedPath={onAddWhenStoppedPath}
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

const reentry = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: 'May start again' });
const reasons = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: 'Only after these stops' });

export const StartsAgainRightAway: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'After a stop' })).toBeVisible();
    await expect(within(reentry(canvas)).getByRole('radio', { name: 'Right away' })).toBeChecked();
    await expect(within(reentry(canvas)).getByRole('radio', { name: 'Never' })).toHaveAccessibleDescription('A contact whose run was stopped is never started by this Workflow again.');
    // Right away holds no contact back, so there is no reason to choose and no wait to give.
    await expect(canvas.queryByRole('group', { name: 'Only after these stops' })).toBeNull();
    await expect(canvas.queryByRole('textbox', { name: 'Wait' })).toBeNull();
    await expect(canvas.queryByText(/When stopped path/)).toBeNull();
  },
};

export const AfterAWaitRefusesABadWait: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(reentry(canvas)).getByRole('radio', { name: 'After a wait' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] }, afterStop: { reentry: 'after', wait: '7d' } });
    const wait = canvas.getByRole('textbox', { name: 'Wait' });
    await expect(wait).toHaveValue('7d');
    await userEvent.clear(wait);
    await userEvent.type(wait, 'a week');
    await expect(canvas.getByRole('alert')).toHaveTextContent('“a week” is not a duration. Write days, hours, minutes or seconds, e.g. 7d, 12h or 1d12h. Until then the last valid wait (7d) is kept.');
    await expect(wait).toHaveAttribute('aria-invalid', 'true');
    await expect(wait).toHaveAccessibleDescription(/is not a duration/);
    // Nothing that is no duration was ever written.
    for (const [settings] of args.onChange.mock.calls) await expect(settings.afterStop?.wait).toBe('7d');
    await userEvent.clear(wait);
    await userEvent.type(wait, '1d12h');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] }, afterStop: { reentry: 'after', wait: '1d12h' } });
  },
};

export const NeverAfterSomeStopsWithAWhenStoppedPath: Story = {
  args: {
    whenStoppedPath: true,
    onAddWhenStoppedPath: fn(),
    initial: { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message'] }, afterStop: { reentry: 'never', reasons: ['incoming_message', 'manual_assignment'] } },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(within(reentry(canvas)).getByRole('radio', { name: 'Never' })).toBeChecked();
    const box = (name: string) => within(reasons(canvas)).getByRole('checkbox', { name });
    await expect(box('Manual stop')).not.toBeChecked();
    await expect(box('Incoming messages')).toBeChecked();
    await expect(canvas.getByText('Runs the When stopped path after each stop. Change its steps on the canvas.')).toBeVisible();
    // A Workflow has one path at most: with one, none is offered.
    await expect(canvas.queryByRole('button', { name: 'Add a When stopped path' })).toBeNull();
    await userEvent.click(box('Manual assignment'));
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...args.initial, afterStop: { reentry: 'never', reasons: ['incoming_message'] } });
    // The last reason cannot be unticked: a rule for no stop would be Right away in disguise.
    await expect(box('Incoming messages')).toBeDisabled();
    for (const name of ['Manual stop', 'Outgoing messages', 'Manual assignment', 'Workflow updated', 'Step removed']) await userEvent.click(box(name));
    // Every reason ticked is the rule for every stop: no list is written.
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...args.initial, afterStop: { reentry: 'never' } });
  },
};

/**
 * Where the path cannot be changed — the simulator's Stop settings, the overview's settings dialog:
 * no canvas to edit here, so the note says where its steps are changed.
 */
export const AWhenStoppedPathChangedInTheBuilder: Story = {
  args: { whenStoppedPath: true, initial: { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Runs the When stopped path after each stop. Change its steps in the builder, on its canvas.')).toBeVisible();
    await expect(canvas.queryByText(/Change its steps on the canvas/)).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Add a When stopped path' })).toBeNull();
  },
};

const actionOf = (canvas: ReturnType<typeof within>, condition: string) => canvas.getByRole('radiogroup', { name: condition });
const resumeRule = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: 'Resume a paused run' });

export const PauseOnOutgoingMessagesResumesAfterSilence: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message'] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const outgoing = actionOf(canvas, 'Outgoing messages');
    // Every chosen condition stops the run until told otherwise, and there is no resume rule to give.
    await expect(within(outgoing).getByRole('radio', { name: 'Stop the run' })).toBeChecked();
    await expect(within(actionOf(canvas, 'Incoming messages')).getByRole('radio', { name: 'Stop the run' })).toBeChecked();
    await expect(canvas.queryByRole('radiogroup', { name: 'Manual assignment' })).toBeNull();
    await expect(canvas.queryByRole('group', { name: 'Resume a paused run' })).toBeNull();
    await expect(within(outgoing).getByRole('radio', { name: 'Pause the run' })).toHaveAccessibleDescription(/waits while your team talks, then carries on where it was; its timers keep the time they had left/);

    await userEvent.click(within(outgoing).getByRole('radio', { name: 'Pause the run' }));
    const paused = { ...args.initial, exitConditions: { ...args.initial.exitConditions, actions: { outgoing_message: 'pause' } }, pause: { resume: { on: 'silence', after: '2h' } } } as const;
    await expect(args.onChange).toHaveBeenLastCalledWith(paused);
    await expect(within(resumeRule(canvas)).getByRole('radio', { name: 'When your team goes quiet' })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: MANUAL })).toHaveAccessibleDescription(/A manual stop always stops the run, paused or not\./);
    await expect(canvas.getByRole('switch', { name: EXIT })).toHaveAccessibleDescription('The run stops by itself, or pauses where chosen below, when a chosen condition is met.');

    const after = canvas.getByRole('textbox', { name: 'Resume after' });
    await expect(after).toHaveValue('2h');
    await userEvent.clear(after);
    await userEvent.type(after, '2 hours');
    await expect(canvas.getByRole('alert')).toHaveTextContent('“2 hours” is not a duration. Write days, hours, minutes or seconds, e.g. 2h, 30m or 1d. Until then the last valid time (2h) is kept.');
    await expect(after).toHaveAttribute('aria-invalid', 'true');
    // Nothing that is no duration was ever written.
    for (const [settings] of args.onChange.mock.calls) if (settings.pause?.resume?.on === 'silence') await expect(settings.pause.resume.after).toMatch(/^\d+[dhms]$/);
    await userEvent.clear(after);
    await userEvent.type(after, '90m');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...paused, pause: { resume: { on: 'silence', after: '90m' } } });

    // The conversation's close and back: the time typed comes back with the choice.
    await userEvent.click(within(resumeRule(canvas)).getByRole('radio', { name: 'When the conversation is closed' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...paused, pause: { resume: { on: 'conversation_closed' } } });
    await expect(canvas.queryByRole('textbox', { name: 'Resume after' })).toBeNull();
    await userEvent.click(within(resumeRule(canvas)).getByRole('radio', { name: 'When your team goes quiet' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...paused, pause: { resume: { on: 'silence', after: '90m' } } });
  },
};

export const PauseResumesWhenTheConversationIsClosed: Story = {
  args: {
    initial: {
      manualStop: false,
      exitConditions: { enabled: true, on: ['outgoing_message', 'manual_assignment'], actions: { outgoing_message: 'pause', manual_assignment: 'pause' } },
      pause: { resume: { on: 'conversation_closed' } },
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(within(resumeRule(canvas)).getByRole('radio', { name: 'When the conversation is closed' })).toBeChecked();
    await expect(canvas.queryByRole('textbox', { name: 'Resume after' })).toBeNull();
    await expect(within(actionOf(canvas, 'Manual assignment')).getByRole('radio', { name: 'Pause the run' })).toBeChecked();

    // Unticked, a condition loses its Pause; the other still pauses, so the rule stays.
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Manual assignment' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } }, pause: { resume: { on: 'conversation_closed' } } });
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Manual assignment' }));
    await expect(within(actionOf(canvas, 'Manual assignment')).getByRole('radio', { name: 'Stop the run' })).toBeChecked();

    // With no Pause left the resume rule goes: it would mean nothing.
    await userEvent.click(within(actionOf(canvas, 'Outgoing messages')).getByRole('radio', { name: 'Stop the run' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message', 'manual_assignment'] } });
    await expect(canvas.queryByRole('group', { name: 'Resume a paused run' })).toBeNull();
    // Paused again in the same sitting, it takes back the rule it had.
    await userEvent.click(within(actionOf(canvas, 'Outgoing messages')).getByRole('radio', { name: 'Pause the run' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ manualStop: false, exitConditions: { enabled: true, on: ['outgoing_message', 'manual_assignment'], actions: { outgoing_message: 'pause' } }, pause: { resume: { on: 'conversation_closed' } } });
    await expect(within(resumeRule(canvas)).getByRole('radio', { name: 'When the conversation is closed' })).toBeChecked();
  },
};

export const PauseWithNoResumeRuleFromAFile: Story = {
  args: { initial: { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'], actions: { incoming_message: 'pause' } } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // A file may pause with no resume rule: the panel says the validator's problem where the rule is chosen.
    const rule = resumeRule(canvas);
    await expect(within(rule).getByRole('alert')).toHaveTextContent(/Incoming messages pauses the run/);
    await expect(rule).toHaveAccessibleDescription(/Incoming messages pauses the run/);
    for (const radio of within(rule).getAllByRole('radio')) await expect(radio).not.toBeChecked();
    await userEvent.click(within(rule).getByRole('radio', { name: 'When your team goes quiet' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...args.initial, pause: { resume: { on: 'silence', after: '2h' } } });
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('textbox', { name: 'Resume after' })).toHaveValue('2h');
  },
};

export const OffersAWhenStoppedPathWhereOneCanBeAdded: Story = {
  args: { onAddWhenStoppedPath: fn(), initial: { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message'] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const add = canvas.getByRole('button', { name: 'Add a When stopped path' });
    await expect(add).toHaveAccessibleDescription(/Steps that run once, right after a run is stopped, to tidy up/);
    await userEvent.click(add);
    await expect(args.onAddWhenStoppedPath).toHaveBeenCalledTimes(1);
    // Adding a path is no settings change: nothing is written.
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};
