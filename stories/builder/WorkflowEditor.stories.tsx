import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BuilderScreen } from '../../src/screens/builder/BuilderScreen.tsx';
import { createWorkflow, saveVersion } from '../../src/persistence/workflowRepository.ts';
import type { ExitflowDb } from '../../src/persistence/db.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';
import { fullWindow } from '../fixtures/fullWindow.tsx';
import { versionTimeFormat } from '../../src/screens/builder/compare/versionName.ts';

const at = Date.UTC(2026, 10, 20, 9, 30);

/** The example follow-up stored, with two versions in its history. */
async function seedFollowUp(db: ExitflowDb): Promise<void> {
  await createWorkflow(db, followUpRecord.document, at);
  await saveVersion(db, 'follow-up', 'Before the 24 h wait', at + 60_000);
  await saveVersion(db, 'follow-up', 'Ready to publish', at + 120_000);
}

/** A link and a word as long as a note may be: neither has a space to wrap at. */
const longLinkNote =
  'See https://example.com/a-very-long-link-to-the-ticket-in-our-tracker/with/a/long/path/that/does/not/break/anywhere/because/it/is/one/word?x=1&y=2&z=3&w=4';
const longWordNote = 'N'.repeat(500);

/** The follow-up with two versions whose notes have no space to wrap at. */
async function seedLongNotes(db: ExitflowDb): Promise<void> {
  await createWorkflow(db, followUpRecord.document, at);
  await saveVersion(db, 'follow-up', longLinkNote, at + 60_000);
  await saveVersion(db, 'follow-up', longWordNote, at + 120_000);
}

/** The follow-up with its follow-up message emptied: a Workflow that cannot be published. */
async function seedInvalid(db: ExitflowDb): Promise<void> {
  const document = followUpRecord.document;
  await createWorkflow(db, { ...document, steps: document.steps.map((step) => (step.id === 'check-in' ? { ...step, text: '' } : step)) }, at);
}

/** The builder on a stored Workflow (its own database per story). */
function BuilderOnFollowUp({ invalid = false, longNotes = false }: { invalid?: boolean; longNotes?: boolean }) {
  return (
    <StoryApp seed={invalid ? seedInvalid : longNotes ? seedLongNotes : seedFollowUp} path="/builder/follow-up">
      <BuilderScreen workflowId="follow-up" />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/WorkflowEditor',
  component: BuilderOnFollowUp,
  parameters: { layout: 'fullscreen' },
  decorators: [fullWindow],
} satisfies Meta<typeof BuilderOnFollowUp>;

export default meta;
type Story = StoryObj<typeof meta>;

export const RenameAndUndo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await expect(name).toHaveValue('24h follow-up');
    await userEvent.clear(name);
    await expect(canvas.getByText('Give the Workflow a name')).toBeVisible();
    await userEvent.type(name, 'Follow-up v2');
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    // Typing the name is one undo step.
    await expect(name).toHaveValue('24h follow-up');
    await userEvent.click(canvas.getByRole('button', { name: 'Redo' }));
    await expect(name).toHaveValue('Follow-up v2');
  },
};

export const HistoryPreviewAndRestore: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(document.body);
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'History' }));
    const versions = await body.findByRole('list', { name: 'Versions' });
    await expect(within(versions).getAllByRole('listitem')).toHaveLength(2);
    await expect(versions).toHaveTextContent('Ready to publish');
    await userEvent.click(within(versions).getAllByRole('button', { name: 'Preview' })[1] as HTMLElement);
    await expect(body.getByRole('region', { name: /^Preview of the version/ })).toHaveTextContent('Wait 24h');
    // A double click restores once: the second click read as a change from another tab.
    await userEvent.dblClick(within(versions).getAllByRole('button', { name: 'Restore' })[1] as HTMLElement);
    await waitFor(() => expect(body.queryByRole('list', { name: 'Versions' })).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'History' }));
    const after = await body.findByRole('list', { name: 'Versions' });
    // Restoring adds a version; nothing is overwritten.
    await waitFor(() => expect(within(after).getAllByRole('listitem')).toHaveLength(3));
    await expect(within(after).getAllByRole('listitem')[0]).toHaveTextContent('Restored');
    // The restored version is named by the time shown beside it in the list, not an ISO instant.
    const note = within(after).getAllByRole('listitem')[0]?.querySelector('.history__note');
    await expect(note).toHaveTextContent(`Restored the version of ${versionTimeFormat.format(at + 60_000)}`);
    await expect(note?.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(within(after).getAllByRole('listitem')).toHaveLength(3);
    await expect(body.queryAllByText(/Changed in another tab/)).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
  },
};

/** Notes with no space to wrap at (a link, 500 characters of one word) wrap inside the dialog; each version's buttons stay in it. */
export const HistoryLongNotes: Story = {
  args: { longNotes: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(document.body);
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'History' }));
    const dialog = await body.findByRole('dialog', { name: 'History' });
    const versions = await within(dialog).findByRole('list', { name: 'Versions' });
    await expect(versions).toHaveTextContent(longLinkNote);
    await expect(versions).toHaveTextContent(longWordNote);
    const box = dialog.getBoundingClientRect();
    for (const item of within(versions).getAllByRole('listitem')) {
      for (const name of ['Preview', /^Compare/, 'Restore']) {
        const button = within(item).getByRole('button', { name });
        const rect = button.getBoundingClientRect();
        await expect(rect.width).toBeGreaterThan(0);
        await expect(rect.left).toBeGreaterThanOrEqual(box.left);
        await expect(rect.right).toBeLessThanOrEqual(box.right);
        // Its label on one line: a squeezed button wraps its word.
        await expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
      }
      const note = item.querySelector<HTMLElement>('.history__note');
      // The note wraps where it must: nothing of it runs past its column.
      await expect(note?.scrollWidth).toBeLessThanOrEqual(note?.clientWidth ?? 0);
    }
    // The dialog itself does not scroll sideways to reach them.
    const list = dialog.querySelector<HTMLElement>('.history');
    await expect(list?.scrollWidth).toBeLessThanOrEqual(list?.clientWidth ?? 0);
  },
};

/**
 * A note pasted far past the limit is kept whole: the field says by how much it is over and Save
 * refuses it, until it is shortened. The picture shows the refusal.
 */
export const SaveVersionNoteTooLong: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(document.body);
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    const pasteNote = async (text: string) => {
      const note = within(await body.findByRole('dialog', { name: 'Save version' })).getByLabelText('Note');
      await userEvent.clear(note);
      await userEvent.click(note);
      await userEvent.paste(text);
      return note;
    };
    await userEvent.click(canvas.getByRole('button', { name: 'Save version' }));
    const note = await pasteNote('N'.repeat(100_000));
    const dialog = body.getByRole('dialog', { name: 'Save version' });
    const save = within(dialog).getByRole('button', { name: 'Save version' });
    await expect((note as HTMLInputElement).value).toHaveLength(100_000);
    await expect(note).toHaveAttribute('aria-invalid', 'true');
    await expect(note).toHaveAccessibleDescription('Too long to save: at most 500 characters, this note has 100,000 (99,500 over).');
    await expect(save).toBeDisabled();
    // Enter submits the form: refused too, nothing stored, the note kept.
    await userEvent.type(note, '{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(body.getByRole('dialog', { name: 'Save version' })).toBeVisible();
    await expect((note as HTMLInputElement).value).toHaveLength(100_000);
    // Shortened to the limit, it is saved whole.
    await pasteNote('N'.repeat(500));
    await expect(note).not.toHaveAttribute('aria-invalid');
    await expect(note).toHaveAccessibleDescription('500 of 500 characters');
    await userEvent.click(save);
    await waitFor(() => expect(body.queryByRole('dialog', { name: 'Save version' })).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'History' }));
    const versions = await body.findByRole('list', { name: 'Versions' });
    await waitFor(() => expect(within(versions).getAllByRole('listitem')).toHaveLength(3));
    await expect(within(versions).getAllByRole('listitem')[0]?.querySelector('.history__note')?.textContent).toBe('N'.repeat(500));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'Save version' }));
    await pasteNote('N'.repeat(100_000));
  },
};

export const Publish: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await expect(canvas.getByText('Draft')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Publish' }));
    await userEvent.click(within(await within(document.body).findByRole('dialog', { name: /^Publish “/ })).getByRole('button', { name: 'Publish' }));
    await expect(await canvas.findByText('Published')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'History' }));
    const versions = await within(document.body).findByRole('list', { name: 'Versions' });
    await waitFor(() => expect(within(versions).getAllByRole('listitem')[0]).toHaveTextContent('Published'));
    await userEvent.keyboard('{Escape}');
  },
};

export const PublishRefused: Story = {
  args: { invalid: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Publish' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Not published' });
    await expect(within(dialog).getByRole('list', { name: 'Problems' })).toHaveTextContent('"Follow-up" has no message text');
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByText('Draft')).toBeVisible();
  },
};
