import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Script } from '../../simulator/schema/script.ts';
import type { ExitflowDb } from '../../src/persistence/db.ts';
import { useWorkflowScripts } from '../../src/persistence/storedWorkflowHooks.ts';
import { savedScriptKey, type ScriptChoice } from '../../src/parts/scripts/scriptChoice.ts';
import { ScriptsPanel } from '../../src/parts/scripts/ScriptsPanel.tsx';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

const example: ScriptChoice = { key: 'follow-up/same-second', source: 'example', label: `24h follow-up: ${followUp.sameSecond.value.name}`, script: followUp.sameSecond.value };
const savedScript: Script = { ...followUp.sameSecond.value, name: 'Omar replies at once' };

/** The story's database, to write to it as another tab would. */
let storyDb: ExitflowDb | null = null;
/** Another tab saves the script over revision 1 (as the editor here opened it). */
const savedInAnotherTab = () => storyDb?.scripts.put({ id: 'omar-at-once', workflowId: followUpRecord.id, revision: 2, updatedAt: 1, document: { ...savedScript, name: 'Saved in another tab' } });

interface Args {
  readonly onChoose: (key: string) => void;
  readonly onUnsaved: (script: Script) => void;
}

/** The panel as the simulator wires it: the saved scripts read live from the story's own database. */
function PanelOnStorage({ onChoose, onUnsaved }: Args) {
  const saved = useWorkflowScripts(followUpRecord.id);
  const [key, setKey] = useState<string | null>(null);
  if (!saved) return <p className="loading">Reading the scripts…</p>;
  const choices: ScriptChoice[] = [
    ...saved.scripts.map((record) => ({ key: savedScriptKey(record.id), source: 'saved' as const, label: record.document.name, script: record.document, record })),
    example,
  ];
  return (
    <ScriptsPanel
      workflowId={followUpRecord.id}
      workflowNames={[followUpRecord.document.name]}
      choices={choices}
      chosen={choices.find((choice) => choice.key === key) ?? choices[0]}
      onChoose={(next) => {
        setKey(next);
        onChoose(next);
      }}
      onUnsaved={onUnsaved}
    />
  );
}

const meta = {
  title: 'Scripts/ScriptsPanel',
  component: PanelOnStorage,
  args: { onChoose: fn(), onUnsaved: fn() },
  decorators: [
    (Story) => (
      <StoryApp
        seed={(db) => {
          storyDb = db;
          return db.scripts.put({ id: 'omar-at-once', workflowId: followUpRecord.id, revision: 1, updatedAt: 0, document: savedScript });
        }}
      >
        <Story />
      </StoryApp>
    ),
  ],
} satisfies Meta<typeof PanelOnStorage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A saved script is chosen first; the example's scripts follow in their own group. */
export const SavedAndExampleScripts: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = await canvas.findByLabelText('Script', { exact: true });
    await expect(within(picker).getByRole('group', { name: 'Saved with this Workflow' })).toHaveTextContent('Omar replies at once');
    await expect(within(picker).getByRole('group', { name: 'From the bundled example' })).toHaveTextContent(example.label);
    await expect(canvas.getByRole('button', { name: /Edit script/ })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: /Delete script/ })).toBeEnabled();
  },
};

/** An example's script is read-only: it is copied to be edited, and the copy saved with the Workflow. */
export const EditACopyOfAnExample: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText('Script', { exact: true }), example.key);
    await expect(canvas.queryByRole('button', { name: /Delete script/ })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /Edit a copy/ }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Save with this Workflow' }));
    await waitFor(() => expect(args.onChoose).toHaveBeenLastCalledWith(expect.stringMatching(/^saved:/)));
    await waitFor(() => expect(within(canvas.getByRole('group', { name: 'Saved with this Workflow' })).getAllByRole('option').map((option) => option.textContent)).toContain(`${example.script.name} (copy)`));
  },
};

/** Closing the editor gives focus back to the button that opened it, so a keyboard user goes on where they were. */
export const FocusBackToTheOpener: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const edit = await canvas.findByRole('button', { name: /Edit script/ });
    await userEvent.click(edit);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(edit).toHaveFocus());
    const create = canvas.getByRole('button', { name: /New script/ });
    await userEvent.click(create);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(create).toHaveFocus());
  },
};

/** A file with problems is refused whole, every problem named with its JSON path; nothing is saved. */
export const RefusesABrokenScriptFile: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const broken = { ...savedScript, events: [{ at: 'soon', contact: 'omar', type: 'contact.message', text: 'Hi' }] };
    await userEvent.upload(await canvas.findByLabelText('Script file to import'), new File([JSON.stringify(broken)], 'broken.script.json', { type: 'application/json' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('broken.script.json was not imported: 1 problem');
    await expect(alert).toHaveTextContent('$.events[0].at');
    await expect(args.onChoose).not.toHaveBeenCalled();
  },
};

/** Opens the editor on the saved script and renames it, while another tab saves the same script. */
async function editWhileAnotherTabSaves(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: /Edit script/ }));
  const name = (await canvas.findAllByLabelText('Name', { exact: true }))[0];
  if (!name) throw new Error('no Name field');
  await userEvent.clear(name);
  await userEvent.type(name, 'Mine');
  await savedInAnotherTab();
  await canvas.findByText(/This script was saved in another tab since you opened it here/);
  await userEvent.click(canvas.getByRole('button', { name: 'Save script' }));
  return within(await canvas.findByRole('alert', { name: 'Edit conflict' }));
}

const savedNames = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('group', { name: 'Saved with this Workflow' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

/** Saved in another tab meanwhile: Save writes over nothing; "Keep mine as a copy" saves mine beside theirs. */
export const ConflictKeepMineAsACopy: Story = {
  play: async ({ canvasElement, args }) => {
    const banner = await editWhileAnotherTabSaves(canvasElement);
    await expect(banner.getByRole('button', { name: 'Reload theirs' })).toBeVisible();
    await userEvent.click(banner.getByRole('button', { name: 'Keep mine as a copy' }));
    await waitFor(() => expect(savedNames(canvasElement)).toEqual(['Mine (my copy)', 'Saved in another tab']));
    await expect(within(canvasElement).queryByRole('region', { name: 'Script editor' })).toBeNull();
    await expect(args.onChoose).toHaveBeenLastCalledWith(expect.stringMatching(/^saved:/));
  },
};

/** Saved in another tab meanwhile: "Reload theirs" drops mine and opens the editor on theirs. */
export const ConflictReloadTheirs: Story = {
  play: async ({ canvasElement }) => {
    const banner = await editWhileAnotherTabSaves(canvasElement);
    await userEvent.click(banner.getByRole('button', { name: 'Reload theirs' }));
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByLabelText('Name', { exact: true })[0]).toHaveValue('Saved in another tab'));
    await expect(canvas.queryByRole('alert', { name: 'Edit conflict' })).toBeNull();
    await expect(savedNames(canvasElement)).toEqual(['Saved in another tab']);
  },
};
