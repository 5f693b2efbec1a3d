import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { Inspector } from '../../src/screens/builder/inspector/Inspector.tsx';
import { useAppStore } from '../../src/state/StoreProvider.tsx';
import { buildWorkflow, steps } from '../../test/harness/workflowFixtures.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

/** One Workflow with a step of every kind and the When stopped entry, so each story selects one of them. */
const everyKind: Workflow = buildWorkflow({
  id: 'every-step',
  name: 'Every step',
  trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
  steps: [
    steps.send('greet', 'Thanks for writing, {{contact.name}}!', 'Greeting'),
    steps.ask('ask-need', 'What do you need?', 'need', '1h', 'Ask need'),
    steps.comment('note', 'VIP: answer within the hour', 'Note'),
    steps.wait('wait', '24h', 'Wait 24h'),
    steps.branch('vip-check', [{ id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }], 'VIP?'),
    steps.hours('office-hours', [1, 2, 3, 4, 5], '09:00', '17:00', 'Office hours'),
    steps.assign('to-sales', 'team', 'sales', 'Assign to Sales'),
    steps.setField('set-plan', 'plan', 'pro', 'Set plan'),
    steps.tag('tag-lead', 'add', 'lead', 'Tag as lead'),
    steps.openConversation('reopen', 'Reopen'),
    steps.closeConversation('close', 'Close it'),
    steps.startWorkflow('start-nurture', 'Lead nurture', 'Start nurture'),
    steps.jump('again', 'greet', 'Again'),
    steps.end('end', 'End'),
    { id: 'why', type: 'stop_reason_branch', label: 'Why stopped?' },
  ],
  edges: [
    'trigger>greet',
    'greet>ask-need',
    'ask-need:answered>note',
    'ask-need:timeout>again',
    'note>wait',
    'wait>vip-check',
    'vip-check:vip>to-sales',
    'vip-check:else>office-hours',
    'office-hours:match>set-plan',
    'office-hours:else>tag-lead',
    'to-sales>reopen',
    'set-plan>close',
    'tag-lead>start-nurture',
    'start-nurture>end',
    'when-stopped>why',
  ],
});
const everyStep: Workflow = { ...everyKind, whenStopped: { id: 'when-stopped', label: 'Clean up' } };

const OTHER_WORKFLOWS = ['Lead nurture', 'VIP routing'];

/** The inspector as the workspace shows it, beside the selected node as the document holds it. */
function OpenInspector() {
  const workflow = useAppStore((state) => state.document?.workflow);
  const [selected] = useAppStore((state) => state.selection.nodeIds);
  if (!workflow) return null;
  const node = selected === workflow.trigger.id ? workflow.trigger : selected === workflow.whenStopped?.id ? workflow.whenStopped : workflow.steps.find((step) => step.id === selected);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '22rem 1fr', gap: '1rem', alignItems: 'start' }}>
      <Inspector workflow={workflow} workflowNames={OTHER_WORKFLOWS} />
      <section aria-label="In the document">
        <pre style={{ margin: 0, fontSize: '0.75rem' }}>{JSON.stringify(node ?? null, null, 1)}</pre>
      </section>
    </div>
  );
}

function InspectorFor({ nodeId }: { nodeId: string }) {
  return (
    <StoryApp
      setup={(store) => {
        store.getState().openDocument({ ...followUpRecord, id: everyStep.id, document: everyStep });
        store.getState().select({ nodeIds: [nodeId], edgeIds: [] });
      }}
    >
      <OpenInspector />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/Inspector',
  component: InspectorFor,
} satisfies Meta<typeof InspectorFor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The selected node as the store's document holds it: what the inspector committed. */
function stored(canvasElement: HTMLElement): Record<string, unknown> {
  return JSON.parse(within(canvasElement).getByRole('region', { name: 'In the document' }).textContent ?? 'null') as Record<string, unknown>;
}

/** The inspector panel and its form. */
function inspector(canvasElement: HTMLElement, heading: string) {
  const panel = within(canvasElement).getByRole('region', { name: 'Inspector' });
  return { panel: within(panel), heading: within(panel).getByRole('heading', { level: 2, name: heading }) };
}

/** Replaces a field's text by typing, as a person would. */
async function retype(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  if (text) await userEvent.type(field, text);
}

export const Trigger: Story = {
  args: { nodeId: 'trigger' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Trigger');
    await expect(heading).toBeVisible();
    await expect(panel.getByRole('form', { name: 'Trigger set-up' })).toBeVisible();
    const kind = panel.getByLabelText('Starts when');
    await expect(kind).toHaveValue('incoming_message');

    await userEvent.selectOptions(kind, 'Tag updated');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ type: 'tag_updated', tag: 'vip', action: 'added', label: 'Contact writes in' }));
    const tag = panel.getByLabelText('Tag');
    await userEvent.clear(tag);
    await expect(panel.getByRole('alert')).toHaveTextContent('Name the tag');
    await expect(tag).toHaveAttribute('aria-invalid', 'true');
    // An invalid value stays in the form; the document keeps the last valid one.
    await expect(stored(canvasElement)).toMatchObject({ tag: 'vip' });
    await userEvent.type(tag, 'hot');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ tag: 'hot' }));
    await expect(panel.queryByRole('alert')).toBeNull();

    await userEvent.click(panel.getByRole('checkbox', { name: 'Trigger once per contact' }));
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ oncePerContact: true }));

    // A field it watches cannot be one of JavaScript's own names; typed a key at a time, the last name the rule let through is stored.
    await userEvent.selectOptions(kind, 'Contact field updated');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ type: 'field_updated', field: 'plan' }));
    await retype(panel.getByLabelText('Contact field'), 'constructor');
    await expect(panel.getByRole('alert')).toHaveTextContent("JavaScript's own names (__proto__, constructor, prototype) cannot name a field");
    await expect(stored(canvasElement).field).toBe('constructo');
    await retype(panel.getByLabelText('Contact field'), 'tier');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ field: 'tier' }));
    await expect(panel.queryByRole('alert')).toBeNull();
  },
};

export const SendMessage: Story = {
  args: { nodeId: 'greet' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Send message');
    await expect(heading).toBeVisible();
    const label = panel.getByLabelText('Label');
    await expect(label).toHaveValue('Greeting');
    await expect(label).toHaveAccessibleDescription('How the step is named on the canvas and in traces.');
    const message = panel.getByLabelText('Message');
    await expect(message).toHaveValue('Thanks for writing, {{contact.name}}!');
    await retype(message, 'Hello there');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ text: 'Hello there' }));

    await userEvent.click(label);
    await userEvent.paste('x'.repeat(120));
    await expect(panel.getByRole('alert')).toHaveTextContent('At most 120 characters');
    await expect(stored(canvasElement)).toMatchObject({ label: 'Greeting' });
    await retype(label, 'Welcome');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ label: 'Welcome' }));
    await expect(panel.queryByRole('alert')).toBeNull();
  },
};

export const AskQuestion: Story = {
  args: { nodeId: 'ask-need' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Ask a question');
    await expect(heading).toBeVisible();
    await expect(panel.getByLabelText('Question')).toHaveValue('What do you need?');
    await expect(panel.getByLabelText('Save the reply in field')).toHaveValue('need');
    const timeout = panel.getByLabelText<HTMLInputElement>('Timeout');
    // Clearing the field to retype it is an invalid duration, not "no timeout": the output and its edge stay.
    await userEvent.clear(timeout);
    await expect(panel.getByRole('alert')).toHaveTextContent('Expected a duration such as "30m", "24h" or "1d2h"');
    await expect(stored(canvasElement)).toMatchObject({ timeout: '1h' });
    await userEvent.type(timeout, 'soon');
    await expect(panel.getByRole('alert')).toHaveTextContent('Expected a duration such as "30m", "24h" or "1d2h"');
    await expect(stored(canvasElement)).toMatchObject({ timeout: '1h' });
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '2h');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ timeout: '2h' }));
    // Turning the timeout off is explicit: the timeout goes from the document.
    await userEvent.click(panel.getByRole('checkbox', { name: /Stop waiting after a while/ }));
    await waitFor(() => expect(stored(canvasElement)).not.toHaveProperty('timeout'));
    await expect(panel.queryByLabelText('Timeout')).toBeNull();
    await expect(panel.queryByRole('alert')).toBeNull();
  },
};

export const AddComment: Story = {
  args: { nodeId: 'note' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Add comment');
    await expect(heading).toBeVisible();
    const comment = panel.getByLabelText('Comment');
    await expect(comment).toHaveAccessibleDescription('Only your team sees it.');
    await retype(comment, 'Call back tomorrow');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ text: 'Call back tomorrow' }));
  },
};

export const Wait: Story = {
  args: { nodeId: 'wait' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Wait');
    await expect(heading).toBeVisible();
    const duration = panel.getByLabelText('Duration');
    await expect(duration).toHaveValue('24h');
    await retype(duration, '24');
    await expect(panel.getByRole('alert')).toHaveTextContent('Expected a duration such as');
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(duration).toHaveAccessibleDescription(/e\.g\. 30m, 24h, 1d2h.*Expected a duration such as/);
    await expect(stored(canvasElement)).toMatchObject({ delay: { kind: 'duration', duration: '24h' } });
    await userEvent.type(duration, 'm');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ delay: { kind: 'duration', duration: '24m' } }));
    await expect(panel.queryByRole('alert')).toBeNull();
    await expect(duration).not.toHaveAttribute('aria-invalid');

    await userEvent.selectOptions(panel.getByLabelText('Wait'), 'Until a time of day');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ delay: { kind: 'time_of_day', time: '09:00' } }));
    const time = panel.getByLabelText('Time of day');
    await retype(time, '9am');
    await expect(panel.getByRole('alert')).toHaveTextContent('Expected a time of day as HH:MM');
    await retype(time, '08:30');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ delay: { kind: 'time_of_day', time: '08:30' } }));
  },
};

export const Branch: Story = {
  args: { nodeId: 'vip-check' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Branch');
    await expect(heading).toBeVisible();
    const condition = within(panel.getByRole('group', { name: 'Condition 1 of path 1' }));
    const tag = condition.getByRole('textbox', { name: 'Tag' });
    await expect(tag).toHaveValue('vip');
    await userEvent.clear(tag);
    await expect(condition.getByRole('alert')).toHaveTextContent('Name the tag');
    await userEvent.type(tag, 'gold');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ paths: [{ id: 'vip', conditions: [{ subject: 'tag', operator: 'has', tag: 'gold' }] }] }));

    // A contact field condition refuses JavaScript's own names at the field, as the Update field step does.
    await userEvent.selectOptions(condition.getByRole('combobox', { name: 'Subject' }), 'Contact field');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ paths: [{ id: 'vip', conditions: [{ subject: 'field' }] }] }));
    await retype(condition.getByRole('textbox', { name: 'Field' }), '__proto__');
    await expect(condition.getByRole('alert')).toHaveTextContent("JavaScript's own names (__proto__, constructor, prototype) cannot name a field");
    // Typed a key at a time, the last name the rule let through is stored.
    await expect(stored(canvasElement)).toMatchObject({ paths: [{ id: 'vip', conditions: [{ subject: 'field', field: '__proto_' }] }] });
    await retype(condition.getByRole('textbox', { name: 'Field' }), 'plan');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ paths: [{ id: 'vip', conditions: [{ subject: 'field', field: 'plan' }] }] }));
    await expect(condition.queryByRole('alert')).toBeNull();

    await userEvent.click(panel.getByRole('button', { name: 'Path' }));
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ paths: [{ id: 'vip' }, { id: 'path-2', label: 'Path 2' }] }));
    await expect(panel.getByRole('group', { name: 'Path 2' })).toBeVisible();
    await userEvent.click(within(panel.getByRole('group', { name: 'Path 2' })).getByRole('button', { name: 'Remove path' }));
    await waitFor(() => expect((stored(canvasElement).paths as unknown[]).length).toBe(1));
  },
};

export const DateTimeBranch: Story = {
  args: { nodeId: 'office-hours' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Date & time');
    await expect(heading).toBeVisible();
    await userEvent.click(panel.getByRole('checkbox', { name: 'Friday' }));
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ days: [1, 2, 3, 4] }));
    const from = panel.getByLabelText('From');
    await retype(from, '9am');
    await expect(panel.getByRole('alert')).toHaveTextContent('Expected a time of day as HH:MM, e.g. "09:00"');
    await expect(stored(canvasElement)).toMatchObject({ from: '09:00' });
    await retype(from, '08:00');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ from: '08:00' }));
  },
};

export const Assign: Story = {
  args: { nodeId: 'to-sales' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Assign');
    await expect(heading).toBeVisible();
    await userEvent.selectOptions(panel.getByLabelText('Assign to'), 'A user');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ assignee: { kind: 'user', id: 'sales' } }));
    const user = panel.getByLabelText('User');
    await retype(user, 'alice smith');
    await expect(panel.getByRole('alert')).toHaveTextContent('Only letters, digits and _ . : - are allowed');
    await retype(user, 'alice');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ assignee: { kind: 'user', id: 'alice' } }));
  },
};

export const UpdateField: Story = {
  args: { nodeId: 'set-plan' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Update field');
    await expect(heading).toBeVisible();
    const field = panel.getByLabelText('Contact field');
    await userEvent.clear(field);
    await expect(panel.getByRole('alert')).toHaveTextContent('Name the contact field');
    // JavaScript's own names are refused as a script refuses them; the stored step keeps its field.
    await userEvent.type(field, 'constructor');
    await expect(panel.getByRole('alert')).toHaveTextContent("JavaScript's own names (__proto__, constructor, prototype) cannot name a field");
    await expect(stored(canvasElement)).not.toMatchObject({ field: 'constructor' });
    await userEvent.clear(field);
    await userEvent.type(field, 'tier');
    await retype(panel.getByLabelText('Value'), 'gold');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ field: 'tier', value: 'gold' }));
  },
};

export const UpdateTag: Story = {
  args: { nodeId: 'tag-lead' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Update tag');
    await expect(heading).toBeVisible();
    await userEvent.selectOptions(panel.getByLabelText('Action'), 'Remove the tag');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ action: 'remove', tag: 'lead' }));
    const tag = panel.getByLabelText('Tag');
    await userEvent.clear(tag);
    await expect(panel.getByRole('alert')).toHaveTextContent('Name the tag');
    await userEvent.type(tag, 'cold');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ tag: 'cold' }));
  },
};

/** A step with nothing to set but its label. */
const labelOnly = (heading: string, label: string): Story['play'] =>
  async ({ canvasElement }) => {
    const { panel, heading: title } = inspector(canvasElement, heading);
    await expect(title).toBeVisible();
    await expect(panel.getByText('This step has nothing else to set.')).toBeVisible();
    const field = panel.getByLabelText('Label');
    await expect(field).toHaveValue(label);
    await retype(field, `${label} now`);
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ label: `${label} now` }));
  };

export const OpenConversation: Story = { args: { nodeId: 'reopen' }, play: labelOnly('Open conversation', 'Reopen') };
export const CloseConversation: Story = { args: { nodeId: 'close' }, play: labelOnly('Close conversation', 'Close it') };
export const End: Story = { args: { nodeId: 'end' }, play: labelOnly('End', 'End') };

/** The Stop reason branch: nothing to set but its label; a note says how it picks its output. */
export const StopReasonBranch: Story = {
  args: { nodeId: 'why' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Stop reason branch');
    await expect(heading).toBeVisible();
    await expect(panel.getByText(/goes on at the output of the reason the run stopped/)).toBeVisible();
    await retype(panel.getByLabelText('Label'), 'Why?');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ label: 'Why?' }));
  },
};

/** The When stopped entry: what it does, and its label (checked like every label: at most 120 characters). */
export const WhenStopped: Story = {
  args: { nodeId: 'when-stopped' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'When stopped');
    await expect(heading).toBeVisible();
    await expect(panel.getByRole('form', { name: 'When stopped set-up' })).toHaveTextContent('Runs once, right after a run of this Workflow is stopped');
    const field = panel.getByLabelText('Label');
    await expect(field).toHaveValue('Clean up');
    await retype(field, 'Hand over');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ id: 'when-stopped', label: 'Hand over' }));
  },
};

export const TriggerWorkflow: Story = {
  args: { nodeId: 'start-nurture' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Trigger Workflow');
    await expect(heading).toBeVisible();
    const target = panel.getByLabelText('Workflow to start');
    await expect(target).toHaveValue('Lead nurture');
    // The other stored Workflows are offered.
    const choices = canvasElement.querySelector(`datalist#${CSS.escape(target.getAttribute('list') ?? '')}`);
    await expect([...(choices?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual(OTHER_WORKFLOWS);
    await retype(target, 'VIP routing');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ workflow: 'VIP routing' }));
  },
};

export const JumpTo: Story = {
  args: { nodeId: 'again' },
  play: async ({ canvasElement }) => {
    const { panel, heading } = inspector(canvasElement, 'Jump to');
    await expect(heading).toBeVisible();
    const target = panel.getByLabelText('Continue at');
    await expect(target).toHaveValue('greet');
    // Every other step, by label; not the step itself.
    const options = within(target).getAllByRole('option').map((option) => option.textContent);
    await expect(options).toContain('Office hours');
    await expect(options).not.toContain('Again');
    await expect(options).toHaveLength(everyStep.steps.length);
    await userEvent.selectOptions(target, 'Office hours');
    await waitFor(() => expect(stored(canvasElement)).toMatchObject({ target: 'office-hours' }));
  },
};
