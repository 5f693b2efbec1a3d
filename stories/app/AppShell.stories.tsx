import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { App } from '../../src/app/App.tsx';
import { memoryHistory } from '../../src/routing/history.ts';
import { createAppStore } from '../../src/state/appStore.ts';
import type { NewNotice } from '../../src/state/uiSlice.ts';
import { bundledExampleLibrary } from '../fixtures/bundledExamples.ts';
import { createStoryPersistence } from '../fixtures/storyPersistence.ts';
import { fullWindow } from '../fixtures/fullWindow.tsx';

interface ShellArgs {
  /** The address the app opens at. */
  readonly path: string;
  /** Toasts already raised when the story opens. */
  readonly notices?: readonly NewNotice[];
}

/** The whole app (shell, navigation, every screen) on an in-memory history, with the bundled examples. */
function ShellAt({ path, notices = [] }: ShellArgs) {
  const [services] = useState(() => {
    const store = createAppStore();
    for (const notice of notices) store.getState().notify(notice);
    return { library: bundledExampleLibrary(), store, history: memoryHistory(path), persistence: createStoryPersistence() };
  });
  return <App {...services} />;
}

const meta = {
  title: 'App/Shell',
  component: ShellAt,
  parameters: { layout: 'fullscreen' },
  decorators: [fullWindow],
} satisfies Meta<typeof ShellAt>;

export default meta;
type Story = StoryObj<typeof meta>;

const currentNavItem = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('navigation', { name: 'Main' }).querySelector('[aria-current="page"]')?.textContent;

export const Overview: Story = {
  args: { path: '/' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Workflows' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'No Workflows yet' })).toBeVisible();
    await expect(currentNavItem(canvasElement)).toBe('Workflows');
  },
};

export const NavigatesBetweenScreens: Story = {
  args: { path: '/' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const nav = within(canvas.getByRole('navigation', { name: 'Main' }));
    await userEvent.click(nav.getByRole('link', { name: 'Messages' }));
    await expect(canvas.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
    await expect(currentNavItem(canvasElement)).toBe('Messages');
    await userEvent.click(nav.getByRole('link', { name: 'Builder' }));
    await expect(await canvas.findByRole('heading', { name: 'No Workflow open' })).toBeVisible();
  },
};

export const BuilderWithUnknownWorkflow: Story = {
  args: { path: '/builder/wf-deleted' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Workflow not found' })).toBeVisible();
    await expect(canvas.getByText('wf-deleted')).toBeVisible();
  },
};

export const Messages: Story = {
  args: { path: '/messages' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'No Workflow can run yet' })).toBeVisible();
  },
};

export const Simulator: Story = {
  args: { path: '/simulator?example=follow-up&script=reply-at-the-same-second' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The stop is in the contact's transcript once the script has played.
    await userEvent.click(await canvas.findByRole('button', { name: 'Run to end' }, { timeout: 5000 }));
    await waitFor(() => expect(within(canvas.getByRole('log')).getByText('Workflow 24h follow-up stopped: incoming message')).toBeVisible(), { timeout: 5000 });
    await expect(currentNavItem(canvasElement)).toBe('Simulator');
  },
};

export const PageNotFound: Story = {
  args: { path: '/no/such/page' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await userEvent.click(canvas.getByRole('link', { name: 'Go to Workflows' }));
    await expect(canvas.getByRole('heading', { level: 1, name: 'Workflows' })).toBeVisible();
  },
};

export const BackgroundErrorToast: Story = {
  args: {
    path: '/messages',
    notices: [{ tone: 'error', title: 'Something went wrong in the background', description: 'The simulator worker stopped answering' }],
  },
  play: async () => {
    // Toasts render in a portal at the end of <body>, outside the story's canvas.
    const body = within(document.body);
    await expect(await body.findByText('The simulator worker stopped answering')).toBeVisible();
    await userEvent.click(body.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(body.queryByText('The simulator worker stopped answering')).toBeNull());
  },
};
