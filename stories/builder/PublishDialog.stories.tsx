import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BuilderScreen } from '../../src/screens/builder/BuilderScreen.tsx';
import { createScript } from '../../src/persistence/scriptRepository.ts';
import { createWorkflow, listVersions, publishWorkflow, saveWorkflow } from '../../src/persistence/workflowRepository.ts';
import type { ExitflowDb } from '../../src/persistence/db.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';
import { fullWindow } from '../fixtures/fullWindow.tsx';
import { followUpScripts, waitTwoHours } from '../outcomeDiff/outcomeDiffFixtures.ts';

const at = Date.UTC(2026, 10, 20, 9, 30);

/** Each story's database, to read what Publish stored. */
const databases = new Map<string, ExitflowDb>();

type Situation = 'first' | 'edited' | 'edited-no-scripts' | 'renamed';

/**
 * The follow-up stored; then (unless first) published at 24 h and edited to wait 2 h (or, renamed,
 * only given a new name: no run ends differently), with the follow-up scripts saved unless told not to.
 */
function seed(situation: Situation) {
  return async (db: ExitflowDb) => {
    databases.set(situation, db);
    const created = await createWorkflow(db, followUpRecord.document, at);
    if (situation === 'first') return;
    const published = await publishWorkflow(db, { document: created.document, baseRevision: created.revision }, at + 60_000);
    if (!published.ok) throw new Error('The seed could not publish');
    const draft = situation === 'renamed' ? { ...created.document, name: '24h follow-up, renamed' } : waitTwoHours;
    await saveWorkflow(db, { document: draft, baseRevision: published.record.revision }, at + 120_000);
    if (situation === 'edited' || situation === 'renamed') for (const [i, script] of followUpScripts.entries()) await createScript(db, 'follow-up', `script-${i}`, script, at + 180_000 + i);
  };
}

function BuilderToPublish({ situation }: { situation: Situation }) {
  return (
    <StoryApp seed={seed(situation)} path="/builder/follow-up">
      <BuilderScreen workflowId="follow-up" />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/PublishDialog',
  component: BuilderToPublish,
  parameters: { layout: 'fullscreen' },
  decorators: [fullWindow],
} satisfies Meta<typeof BuilderToPublish>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openPublish(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
  await userEvent.click(within(canvas.getByRole('toolbar', { name: 'Workflow' })).getByRole('button', { name: 'Publish' }));
  return within(document.body).findByRole('dialog', { name: /^Publish “/ });
}

/** Nothing published before: no runs in flight to decide for, no impact to preview. */
export const FirstPublish: Story = {
  args: { situation: 'first' },
  play: async ({ canvasElement }) => {
    const dialog = await openPublish(canvasElement);
    await expect(dialog).toHaveTextContent('there are no runs in flight on an earlier version');
    await expect(within(dialog).queryByRole('radio')).toBeNull();
    await expect(within(dialog).queryByRole('table')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await expect(await within(canvasElement).findByText('Published')).toBeVisible();
    const versions = await listVersions(databases.get('first') as ExitflowDb, 'follow-up');
    await expect(versions[0]).toMatchObject({ kind: 'publish', policy: 'finish' });
  },
};

/** The published 24 h Wait edited to 2 h: the saved scripts show whose runs change, the default kept for the runs in flight. */
export const ImpactOfAShorterWait: Story = {
  args: { situation: 'edited' },
  play: async ({ canvasElement }) => {
    const dialog = await openPublish(canvasElement);
    const body = within(dialog);
    await expect(body.getByRole('radio', { name: 'Let them finish on their version' })).toBeChecked();
    const table = await body.findByRole('table', { name: 'Runs that change if you publish: 2 of 4 runs change' }, { timeout: 10_000 });
    await expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Stopped at Wait 24h, +3h');
    await expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Completed at End, +2h');
    // The totals in the live line above the table (which leaves them out of its caption).
    await expect(body.getByText('2 of 4 runs change', { exact: true })).toHaveAttribute('role', 'status');
  },
};

/** Only the name changed: the live line says no run changes, with no empty table under it. */
export const NoRunChanges: Story = {
  args: { situation: 'renamed' },
  play: async ({ canvasElement }) => {
    const dialog = await openPublish(canvasElement);
    const body = within(dialog);
    await expect(await body.findByText('No run changes: 3 runs end the same', {}, { timeout: 10_000 })).toHaveAttribute('role', 'status');
    await expect(body.queryByRole('table')).toBeNull();
    // No rows: the note says nothing of opening one.
    await expect(dialog).not.toHaveTextContent('opens the simulator');
  },
};

/** Move them, chosen and published: the publish version keeps the choice, and the dialog closes. */
export const MoveThemIsKept: Story = {
  args: { situation: 'edited' },
  play: async ({ canvasElement }) => {
    const dialog = await openPublish(canvasElement);
    const body = within(dialog);
    await userEvent.click(body.getByRole('radio', { name: 'Move them to the new version' }));
    await userEvent.click(body.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(await within(canvasElement).findByText('Published')).toBeVisible();
    const versions = await listVersions(databases.get('edited') as ExitflowDb, 'follow-up');
    await expect(versions[0]).toMatchObject({ kind: 'publish', policy: 'move' });
  },
};

/** Published and edited, but no script saved: the dialog says what the preview would play. */
export const NoSavedScripts: Story = {
  args: { situation: 'edited-no-scripts' },
  play: async ({ canvasElement }) => {
    const dialog = await openPublish(canvasElement);
    await expect(await within(dialog).findByText(/has no saved scripts/)).toBeVisible();
    await expect(within(dialog).getAllByRole('radio')).toHaveLength(3);
  },
};

/** Escape and Cancel close the dialog the moment it has opened: only a press on its backdrop just after opening is held back. */
export const ClosesAtOnce: Story = {
  args: { situation: 'first' },
  play: async ({ canvasElement }) => {
    const body = within(document.body);
    await openPublish(canvasElement);
    await userEvent.keyboard('{Escape}');
    await expect(body.queryByRole('dialog')).toBeNull();
    const dialog = await openPublish(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(body.queryByRole('dialog')).toBeNull();
    await expect(within(canvasElement).getByText('Draft')).toBeVisible();
  },
};

/**
 * A double click on the toolbar's Publish: the first click opens the dialog and the second lands on
 * its backdrop, which must not close it. A press there later is the person's, and closes it.
 */
export const DoubleClickKeepsItOpen: Story = {
  args: { situation: 'first' },
  play: async ({ canvasElement }) => {
    const body = within(document.body);
    await openPublish(canvasElement);
    const backdrop = () => document.querySelector<HTMLElement>('.ui-dialog__overlay') as HTMLElement;
    await userEvent.click(backdrop());
    await expect(body.getByRole('dialog', { name: /^Publish “/ })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await userEvent.click(backdrop());
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
  },
};
