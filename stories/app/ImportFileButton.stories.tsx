import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ImportFileButton } from '../../src/ui/ImportFileButton.tsx';
import { useWorkflowFileActions } from '../../src/persistence/useWorkflowFileActions.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';

/** The overview's import: the file becomes a new stored Workflow (the story's own database). */
function ImportAsNew({ onImported }: { onImported: () => void }) {
  const { importFile } = useWorkflowFileActions();
  return <ImportFileButton importFile={importFile} onImported={onImported} />;
}

const meta = {
  title: 'App/ImportFileButton',
  component: ImportAsNew,
  decorators: [(Story) => <StoryApp>{<Story />}</StoryApp>],
  args: { onImported: fn() },
} satisfies Meta<typeof ImportAsNew>;

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
    await expect(args.onImported).toHaveBeenCalledOnce();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
