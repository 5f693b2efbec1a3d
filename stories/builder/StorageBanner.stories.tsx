import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { StorageBanner } from '../../src/screens/builder/StorageBanner.tsx';
import type { AppStore } from '../../src/state/appStore.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

/** The banner under the builder's toolbar when edits cannot be saved. */
function BannerIn({ setup }: { setup: (store: AppStore) => void }) {
  return (
    <StoryApp
      setup={(store) => {
        store.getState().openDocument(followUpRecord);
        store.getState().editWorkflow((workflow) => ({ ...workflow, name: 'Mine' }));
        setup(store);
      }}
    >
      <StorageBanner />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/StorageBanner',
  component: BannerIn,
} satisfies Meta<typeof BannerIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ChangedInAnotherTab: Story = {
  args: { setup: (store) => store.getState().saveConflicted({ ...followUpRecord, revision: 5, document: { ...followUpRecord.document, name: 'Theirs' } }) },
  play: async ({ canvasElement }) => {
    const banner = within(canvasElement).getByRole('alert', { name: 'Edit conflict' });
    await expect(within(banner).getByRole('button', { name: 'Reload theirs' })).toBeVisible();
    await expect(within(banner).getByRole('button', { name: 'Keep mine as a copy' })).toBeVisible();
  },
};

export const NotSaved: Story = {
  args: { setup: (store) => store.getState().saveFailed({ kind: 'quota', message: 'The browser has no room left for exitflow’s data.' }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert', { name: 'Not saved' })).toHaveTextContent('export a backup before closing it');
  },
};

export const ReloadNeeded: Story = {
  args: {
    setup: (store) =>
      store.getState().storageBlocked({ kind: 'outdated', message: 'A newer version of exitflow was opened in another tab and updated the stored data.' }),
  },
  play: async ({ canvasElement }) => {
    const banner = within(canvasElement).getByRole('alert', { name: 'Reload needed' });
    await expect(within(banner).getByRole('button', { name: 'Reload' })).toBeVisible();
    await expect(within(banner).getByRole('button', { name: 'Export backup' })).toBeVisible();
  },
};

export const NothingWrong: Story = {
  args: { setup: () => undefined },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};
