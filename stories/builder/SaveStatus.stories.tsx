import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SaveStatus } from '../../src/screens/builder/SaveStatus.tsx';
import type { AppStore } from '../../src/state/appStore.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

/** The toolbar's save state, in each state autosave can be in. */
function SaveStatusIn({ setup }: { setup: (store: AppStore) => void }) {
  return (
    <StoryApp
      setup={(store) => {
        store.getState().openDocument(followUpRecord);
        setup(store);
      }}
    >
      <SaveStatus />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/SaveStatus',
  component: SaveStatusIn,
} satisfies Meta<typeof SaveStatusIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Saved: Story = {
  args: { setup: () => undefined },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Save status' })).toHaveTextContent(/Saved at/);
  },
};

export const Saving: Story = {
  args: { setup: (store) => store.getState().editWorkflow((workflow) => ({ ...workflow, name: 'Renamed' })) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Save status' })).toHaveTextContent('Saving…');
  },
};

export const NotSavedDiskFull: Story = {
  args: {
    setup: (store) => {
      store.getState().editWorkflow((workflow) => ({ ...workflow, name: 'Renamed' }));
      store.getState().saveFailed({ kind: 'quota', message: 'The browser has no room left for exitflow’s data (storage quota exceeded).' });
    },
  },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status', { name: 'Save status' });
    await expect(status).toHaveTextContent('Not saved: storage is full');
    await userEvent.click(within(status).getByRole('button', { name: 'Retry' }));
    // The story's storage has no such Workflow: the retry fails again, still saying why.
    await expect(status).toHaveTextContent(/Saving…|Not saved/);
  },
};

export const Conflict: Story = {
  args: { setup: (store) => store.getState().saveConflicted(null) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Save status' })).toHaveTextContent('Not saved');
  },
};
