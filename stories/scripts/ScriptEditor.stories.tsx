import type { Meta, StoryObj } from '@storybook/react-vite';
import { forEachDiagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ScriptEditor } from '../../src/parts/scripts/editor/ScriptEditor.tsx';
import populationScript from '../../public/examples/follow-up/population.script.json';
import agentTakesOverScript from '../../public/examples/hot-lead/agent-takes-over.script.json';

/** The example as a file holds it, with one change (an imported file as someone broke it). */
const withEvents = (change: (events: Record<string, unknown>[]) => void) => {
  const script = structuredClone(agentTakesOverScript) as typeof agentTakesOverScript & { events: Record<string, unknown>[] };
  change(script.events);
  return script;
};

/** The editor as the Scripts panel opens it: on a bundled example script, with the situation's Workflows to pick from. */
const meta = {
  title: 'Scripts/ScriptEditor',
  component: ScriptEditor,
  args: { initial: agentTakesOverScript, workflowNames: ['Lead nurture', 'VIP routing'], onSave: fn(), onCancel: fn() },
} satisfies Meta<typeof ScriptEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The script's own Name: the first field so labelled (contacts and users have names too, inside their groups). */
const scriptName = (canvasElement: HTMLElement) => within(canvasElement).getAllByLabelText('Name', { exact: true })[0];

/** The JSON view's code editor, once its chunk has loaded: its text box and its view (for reading the whole text). */
async function jsonEditor(canvasElement: HTMLElement): Promise<{ content: HTMLElement; view: EditorView }> {
  const content = await waitFor(() => {
    const found = canvasElement.querySelector<HTMLElement>('.cm-content');
    if (!found) throw new Error('the code editor has not loaded');
    return found;
  });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor view');
  return { content, view };
}

/** Replaces the JSON view's text as a person does: select all, paste. */
async function pasteOverJson(canvasElement: HTMLElement, text: string) {
  const { content } = await jsonEditor(canvasElement);
  await userEvent.click(content);
  await userEvent.keyboard('{Control>}a{/Control}');
  await userEvent.paste(text);
}

/** The problems the JSON view underlines (after its check, which waits for a pause in typing), as the text each covers. */
async function underlined(canvasElement: HTMLElement, count: number): Promise<string[]> {
  const { view } = await jsonEditor(canvasElement);
  return waitFor(
    () => {
      const ranges: string[] = [];
      forEachDiagnostic(view.state, (_, from, to) => ranges.push(view.state.sliceDoc(from, to)));
      if (ranges.length !== count) throw new Error(`${ranges.length} problems underlined, not ${count}`);
      // Drawn, not only known: the underline is on the page.
      if (!canvasElement.querySelector('.cm-lintRange-error')) throw new Error('no underline drawn');
      return ranges;
    },
    { timeout: 3000 },
  );
}

const event = (canvasElement: HTMLElement, n: number) => within(within(canvasElement).getByRole('group', { name: `Event ${n}` }));

/** A valid example: no problems, its timeline in the form, and Save hands over the parsed script. */
export const ValidExample: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No problems');
    await expect(canvas.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getAllByRole('group', { name: /^Event \d+$/ })).toHaveLength(5);
    await expect(event(canvasElement, 4).getByLabelText('Type', { exact: true })).toHaveDisplayValue('Assignment');
    await expect(event(canvasElement, 4).getByLabelText('To', { exact: true })).toHaveDisplayValue('Bob (bob)');
    await expect(event(canvasElement, 5).getByLabelText('Workflow', { exact: true })).toHaveValue('Lead nurture');
    await expect(canvas.getByRole('group', { name: 'Expectation 1' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ name: 'Hot lead: agent takes over', timezone: 'UTC' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalled();
  },
};

/** A population script: the switch is on and shows how many contacts, the jitter and the seed. */
export const Population: Story = {
  args: { initial: populationScript, workflowNames: ['24h follow-up'], saveLabel: 'Save with this Workflow' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: 'Play for many contacts' })).toBeChecked();
    await expect(canvas.getByLabelText('Number of contacts')).toHaveValue('1000');
    await expect(canvas.getByLabelText('Jitter')).toHaveValue('2d');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Play for many contacts' }));
    await expect(canvas.queryByLabelText('Number of contacts')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Save with this Workflow' })).toBeVisible();
  },
};

/** An event names a user the script does not list: the problem is beside event 4's User and in the summary; Save does not save. */
export const ProblemsShownInline: Story = {
  args: {
    initial: withEvents((events) => {
      if (events[3]) events[3].user = 'zed';
    }),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const summary = canvas.getByRole('status');
    await expect(summary).toHaveTextContent('1 problem');
    await expect(summary).toHaveTextContent('Event 4 · User: No user "zed" in "users"');
    const user = event(canvasElement, 4).getByLabelText('User', { exact: true });
    await expect(user).toHaveAttribute('aria-invalid', 'true');
    await expect(user).toHaveAccessibleDescription('No user "zed" in "users"');
    await expect(user).toHaveDisplayValue('zed (not listed)');
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).not.toHaveBeenCalled();
    await expect(summary).toHaveFocus();
    // Choosing a listed user fixes it.
    await userEvent.selectOptions(user, 'Alice (alice)');
    await expect(summary).toHaveTextContent('No problems');
    await expect(user).not.toHaveAttribute('aria-invalid');
  },
};

/** Several problems at once, each beside its field: an empty name and a time that is not an offset. */
export const SeveralProblems: Story = {
  args: {
    initial: {
      ...withEvents((events) => {
        if (events[1]) events[1].at = 'soon';
      }),
      name: '',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('2 problems');
    await expect(scriptName(canvasElement)).toHaveAttribute('aria-invalid', 'true');
    const time = event(canvasElement, 2).getByLabelText('Time', { exact: true });
    await expect(time).toHaveAccessibleDescription(/Expected an offset from the start/);
    await userEvent.clear(time);
    await userEvent.type(time, '+2m');
    await expect(canvas.getByRole('status')).toHaveTextContent('1 problem');
  },
};

/** An imported file that is not JSON opens in the JSON view, the error placed by line and column; the form says why it cannot show it. */
export const JsonSyntaxError: Story = {
  args: { initial: '{\n  "format": "exitflow.script/1",\n  name: "Broken"\n}' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
    const { content } = await jsonEditor(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'Script JSON' })).toBe(content);
    await expect(content).toHaveAttribute('aria-invalid', 'true');
    await expect(content).toHaveAccessibleDescription(/^Not valid JSON\. Line 3, column 3: /);
    await expect(canvas.getByRole('status')).toHaveTextContent('JSON: Line 3, column 3');
    // Underlined where it is: the `n` of the unquoted name.
    await expect(await underlined(canvasElement, 1)).toEqual(['n']);
    await userEvent.click(canvas.getByRole('tab', { name: 'Form' }));
    await expect(canvas.getByText(/The JSON has a syntax error/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

/** Not a script at all: the JSON view, with what is wrong. */
export const NotAnObject: Story = {
  args: { initial: 42 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const { view } = await jsonEditor(canvasElement);
    await expect(view.state.doc.toString()).toBe('42');
    await expect(await underlined(canvasElement, 1)).toEqual(['42']);
    await expect(canvas.getByRole('status')).toHaveTextContent('Script: Expected a JSON object (an exitflow script)');
  },
};

/** Adding an event continues the timeline; changing its type swaps its fields for the new type's, keeping time and contact. */
export const AddEventAndChangeItsType: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add event' }));
    const added = event(canvasElement, 6);
    await expect(added.getByLabelText('Time', { exact: true })).toHaveValue('+2h');
    await expect(added.getByLabelText('Contact', { exact: true })).toHaveDisplayValue('Dana (dana)');
    await expect(added.getByLabelText('Type', { exact: true })).toHaveDisplayValue('Contact message');
    await expect(added.getByLabelText('Text', { exact: true })).toHaveValue('');

    await userEvent.selectOptions(added.getByLabelText('Type', { exact: true }), 'Assignment');
    await expect(added.queryByLabelText('Text', { exact: true })).toBeNull();
    await expect(added.getByLabelText('User', { exact: true })).toHaveDisplayValue('— automatic —');
    await expect(added.getByLabelText('To', { exact: true })).toHaveDisplayValue('Alice (alice)');
    await expect(added.getByLabelText('Time', { exact: true })).toHaveValue('+2h');

    await userEvent.selectOptions(added.getByLabelText('Type', { exact: true }), 'Manual stop');
    await expect(added.queryByLabelText('To', { exact: true })).toBeNull();
    await expect(added.getByLabelText('Workflow', { exact: true })).toHaveValue('');
    await expect(canvas.getByRole('status')).toHaveTextContent('Event 6 · Workflow: Name the Workflow (its name or id)');
    await userEvent.type(added.getByLabelText('Workflow', { exact: true }), 'VIP routing');
    await expect(canvas.getByRole('status')).toHaveTextContent('No problems');
  },
};

/** Moving an event keeps focus on it; Sort by time puts the timeline back in order. */
export const MoveAndSort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Move event 1 down' }));
    await expect(event(canvasElement, 2).getByLabelText('Text', { exact: true })).toHaveValue('Hi! Pricing?');
    await expect(canvas.getByRole('button', { name: 'Move event 2 down' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(event(canvasElement, 3).getByLabelText('Text', { exact: true })).toHaveValue('Hi! Pricing?');
    await userEvent.click(canvas.getByRole('button', { name: 'Sort by time' }));
    await expect(event(canvasElement, 1).getByLabelText('Text', { exact: true })).toHaveValue('Hi! Pricing?');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove event 5' }));
    await expect(canvas.getAllByRole('group', { name: /^Event \d+$/ })).toHaveLength(4);
    await expect(canvas.getByRole('button', { name: 'Remove event 4' })).toHaveFocus();
  },
};

/** JSON typed in the JSON view is the form's draft; a shape the form cannot lay out is explained, the text kept. */
export const EditingTheJson: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('tab', { name: 'JSON' }));
    await expect((await jsonEditor(canvasElement)).view.state.doc.toString()).toContain('\n  "name": "Hot lead: agent takes over",\n');
    await pasteOverJson(canvasElement, JSON.stringify({ ...agentTakesOverScript, name: 'Pasted' }));
    await userEvent.click(canvas.getByRole('tab', { name: 'Form' }));
    await expect(scriptName(canvasElement)).toHaveValue('Pasted');

    await userEvent.click(canvas.getByRole('tab', { name: 'JSON' }));
    await pasteOverJson(canvasElement, '{ "events": "none" }');
    await userEvent.click(canvas.getByRole('tab', { name: 'Form' }));
    await expect(canvas.getByText('The form cannot show Events: it must be a list. Fix it in the JSON view.')).toBeVisible();
    await userEvent.click(canvas.getByRole('tab', { name: 'JSON' }));
    await expect((await jsonEditor(canvasElement)).view.state.doc.toString()).toBe('{ "events": "none" }');
    await expect(await underlined(canvasElement, 1)).toEqual(['{']);
  },
};

/**
 * The form's problems in the JSON view too, each underlined at its place with a mark in the
 * margin: F8 goes to the first, and its message is the form's.
 */
export const ProblemsInTheJson: Story = {
  args: {
    initial: {
      ...withEvents((events) => {
        if (events[1]) events[1].at = 'soon';
      }),
      name: '',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('tab', { name: 'JSON' }));
    await expect(await underlined(canvasElement, 2)).toEqual(['"name": ""', '"at": "soon"']);
    // The margin marks the first (the second is below the fold, drawn when scrolled to).
    await expect(canvasElement.querySelector('.cm-lint-marker-error')).not.toBeNull();
    const { content, view } = await jsonEditor(canvasElement);
    await userEvent.click(content);
    await userEvent.keyboard('{Control>}{Home}{/Control}{F8}{F8}');
    await expect(view.state.doc.lineAt(view.state.selection.main.head).text).toBe('      "at": "soon",');
  },
};

/** A contact's tag has no field in the form: its problem shows on the contact's row, and Save does not save. */
export const TagProblemOnItsRow: Story = {
  args: {
    initial: (() => {
      const script = structuredClone(agentTakesOverScript) as Record<string, unknown> & { contacts: Record<string, unknown>[] };
      script.contacts = script.contacts.map((contact, i) => (i === 0 ? { ...contact, tags: [''] } : contact));
      return script;
    })(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('1 problem');
    await expect(canvas.getByRole('group', { name: 'Contact 1' })).toHaveTextContent('(edit it in the JSON view)');
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

/** A mistyped field of an event is not part of the format: it is a problem beside that event until it is fixed. */
export const MistypedFieldBesideItsEvent: Story = {
  args: {
    initial: withEvents((events) => {
      if (events[0]) events[0].txet = 'typo';
    }),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('1 problem');
    await expect(canvas.getByRole('group', { name: 'Event 1' })).toHaveTextContent('Unknown field "txet"');
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

const expectation = (canvasElement: HTMLElement, n: number) => within(within(canvasElement).getByRole('group', { name: `Expectation ${n}` }));

/**
 * Expectations about the contact at the end: Has tag, Lacks tag and Field
 * equals, each with its own fields. Switching kind keeps the contact and, between the tag kinds, the tag;
 * an emptied tag is a problem beside it in the schema's words. The play ends where it began, for the picture.
 */
export const ContactAtTheEnd: Story = {
  // The frame's picture shows its top: in a box of the frame's height, scrolled down, the rows are in it.
  decorators: [
    (Story) => (
      <div data-testid="scroll-box" style={{ height: '100vh', overflowY: 'auto' }}>
        <Story />
      </div>
    ),
  ],
  args: {
    initial: {
      format: 'exitflow.script/1',
      name: 'Handed over',
      start: '2026-01-05T09:00:00Z',
      contacts: [{ id: 'dana', name: 'Dana' }],
      events: [],
      expect: [
        { contact: 'dana', hasTag: 'handed-over' },
        { contact: 'dana', lacksTag: 'nurture' },
        { contact: 'dana', field: 'stage', equals: 'human' },
      ],
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No problems');
    const [hasTag, lacksTag, field] = [1, 2, 3].map((n) => expectation(canvasElement, n));
    if (!hasTag || !lacksTag || !field) throw new Error('three expectation rows');
    await expect(hasTag.getByLabelText('Kind', { exact: true })).toHaveDisplayValue('Has tag');
    await expect(hasTag.getByLabelText('Tag', { exact: true })).toHaveValue('handed-over');
    await expect(lacksTag.getByLabelText('Kind', { exact: true })).toHaveDisplayValue('Lacks tag');
    await expect(lacksTag.getByLabelText('Tag', { exact: true })).toHaveValue('nurture');
    await expect(field.getByLabelText('Kind', { exact: true })).toHaveDisplayValue('Field equals');
    await expect(field.getByLabelText('Field', { exact: true })).toHaveValue('stage');
    await expect(field.getByLabelText('Value', { exact: true })).toHaveValue('human');
    await expect(field.queryByLabelText('Workflow', { exact: true })).toBeNull();

    await userEvent.selectOptions(hasTag.getByLabelText('Kind', { exact: true }), 'Lacks tag');
    await expect(hasTag.getByLabelText('Tag', { exact: true })).toHaveValue('handed-over');
    await userEvent.selectOptions(hasTag.getByLabelText('Kind', { exact: true }), 'Has tag');
    await expect(hasTag.getByLabelText('Contact', { exact: true })).toHaveDisplayValue('Dana (dana)');

    const tag = hasTag.getByLabelText('Tag', { exact: true });
    await userEvent.clear(tag);
    await expect(tag).toHaveAccessibleDescription('Must not be empty');
    await expect(canvas.getByRole('status')).toHaveTextContent('Expectation 1 · Tag');
    await userEvent.type(tag, 'handed-over');
    await expect(canvas.getByRole('status')).toHaveTextContent('No problems');
    await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
    await expect(args.onSave).toHaveBeenCalledWith(
      expect.objectContaining({ expect: [{ contact: 'dana', hasTag: 'handed-over' }, { contact: 'dana', lacksTag: 'nurture' }, { contact: 'dana', field: 'stage', equals: 'human' }] }),
    );
    const box = canvas.getByTestId('scroll-box');
    box.scrollTop = box.scrollHeight;
  },
};
