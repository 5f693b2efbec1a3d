import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { workflowSchema, type Workflow } from '../../simulator/schema/workflow.ts';
import type { VersionRecord } from '../../src/model/records.ts';
import type { ExitflowDb } from '../../src/persistence/db.ts';
import { createScript } from '../../src/persistence/scriptRepository.ts';
import { createWorkflow } from '../../src/persistence/workflowRepository.ts';
import { CompareDialog } from '../../src/screens/builder/compare/CompareDialog.tsx';
import { CURRENT } from '../../src/screens/builder/compare/versionName.ts';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

const at = Date.UTC(2026, 10, 20, 9, 30);
const published = followUpRecord.document;

/** The draft after the published version: its wait cut to 2 h, and a tag before the end (which moves down for it). */
const draft: Workflow = workflowSchema.parse({
  ...published,
  steps: [
    ...published.steps.map((step) =>
      step.id === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step.id === 'done' ? { ...step, position: { x: 0, y: 600 } } : step,
    ),
    { id: 'tag-done', type: 'update_tag', label: 'Tag: followed up', action: 'add', tag: 'followed-up', position: { x: 0, y: 480 } },
  ],
  edges: [...published.edges.filter((edge) => edge.id !== 'e4'), { id: 'e5', source: 'check-in', target: 'tag-done' }, { id: 'e6', source: 'tag-done', target: 'done' }],
});

const versions: VersionRecord[] = [
  { id: 2, workflowId: 'follow-up', createdAt: at + 3_600_000, kind: 'manual', note: 'Shorter wait', revision: 5, document: draft },
  { id: 1, workflowId: 'follow-up', createdAt: at, kind: 'publish', note: '', revision: 4, document: published },
];

async function seed(db: ExitflowDb): Promise<void> {
  await createWorkflow(db, draft, at);
  await createScript(db, 'follow-up', 'replies', followUp.contactReplies.value, at);
  await createScript(db, 'follow-up', 'same-second', followUp.sameSecond.value, at);
}

/** Compare versions on the stored follow-up: the published version against the current draft. */
function CompareFollowUp() {
  return (
    <StoryApp seed={seed} path="/builder/follow-up">
      <CompareDialog workflowId="follow-up" versions={versions} current={draft} pair={{ older: { kind: 'version', id: 1 }, newer: CURRENT }} onClose={() => {}} />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/CompareView',
  component: CompareFollowUp,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof CompareFollowUp>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = () => within(document.body).findByRole('dialog', { name: 'Compare versions' }, { timeout: 5000 });

export const ChangedStepAndOutcomes: Story = {
  play: async () => {
    const view = within(await dialog());
    await expect(view.getByRole('status', { name: '' })).toHaveTextContent('1 step changed, 1 added, 0 removed; 2 connections added, 1 removed; 1 step moved; settings unchanged');
    // The marks are words in the nodes' names, on the side each belongs to.
    const older = within(view.getByRole('region', { name: /^Older: Published/ }));
    const newer = within(view.getByRole('region', { name: /^Newer: Current draft/ }));
    await expect(await older.findByRole('group', { name: 'Changed: Wait 24h' })).toBeVisible();
    await expect(await newer.findByRole('group', { name: 'Changed: Wait 2h' })).toBeVisible();
    await expect(await newer.findByRole('group', { name: 'Added: Tag: followed up' })).toBeVisible();
    await expect(older.queryByRole('group', { name: /Tag: followed up/ })).toBeNull();

    // From the keyboard: Enter on a focused node picks it.
    (await newer.findByRole('group', { name: 'Added: Tag: followed up' })).focus();
    await userEvent.keyboard('{Enter}');
    await expect(await view.findByText('Added: Tag: followed up (Update tag) is only in the newer version.')).toBeVisible();

    await expect(view.getByRole('button', { name: 'Compare outcomes' })).toBeDisabled();
    await userEvent.click(view.getByRole('button', { name: 'Changed Wait 2h' }));
    const fields = view.getByRole('table', { name: 'Changed: Wait 2h (Wait)' });
    await expect(fields).toHaveTextContent('delay.duration"24h""2h"');

    await userEvent.click(view.getByRole('checkbox', { name: followUp.contactReplies.value.name }));
    await userEvent.click(view.getByRole('button', { name: 'Compare outcomes' }));
    await waitFor(() => expect(view.getByRole('table', { name: /^Runs that change between the two versions/ })).toHaveTextContent('2 of 2 runs change'), { timeout: 10_000 });
  },
};

export const NothingChanged: Story = {
  render: () => (
    <StoryApp seed={seed} path="/builder/follow-up">
      <CompareDialog workflowId="follow-up" versions={versions} current={draft} pair={{ older: { kind: 'version', id: 2 }, newer: CURRENT }} onClose={() => {}} />
    </StoryApp>
  ),
  play: async () => {
    const view = within(await dialog());
    await expect(view.getByRole('status', { name: '' })).toHaveTextContent('0 steps changed, 0 added, 0 removed; settings unchanged');
    await expect(view.getByText('No step added, removed or changed.')).toBeVisible();
  },
};
