import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ImportWorkflowButton } from '../../src/overview/ImportWorkflowButton.tsx';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

const meta = {
  title: 'Overview/ImportWorkflowButton',
  component: ImportWorkflowButton,
  decorators: [(Story) => <StoryApp>{<Story />}</StoryApp>],
  args: { onImported: fn() },
} satisfies Meta<typeof ImportWorkflowButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const file = (name: string, content: string) => new File([content], name, { type: 'application/json' });

export const RejectsABrokenFile: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const broken = { ...followUpRecord.document, format: 'exitflow.workflow/1', trigger: undefined, edges: [{ id: 'e1', source: 'ack', target: 'nowhere' }] };
    await userEvent.upload(canvas.getByLabelText('Workflow file to import'), file('broken.json', JSON.stringify(broken)));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('broken.json was not imported: 1 problem');
    await expect(alert).toHaveTextContent('$.trigger');
    await expect(args.onImported).not.toHaveBeenCalled();
  },
};

export const ImportsAValidFile: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(canvas.getByLabelText('Workflow file to import'), file('follow-up.workflow.json', JSON.stringify(followUpRecord.document)));
    await expect(await canvas.findByRole('button', { name: 'Import JSON' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(args.onImported).toHaveBeenCalledWith(expect.objectContaining({ id: 'follow-up', revision: 1 }));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
