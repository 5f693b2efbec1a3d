import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { traceNamesOf } from '../../simulator/trace/traceNames.ts';
import { ContactTraceTable } from '../../src/screens/simulation/workspace/ContactTraceTable.tsx';
import '../../src/screens/simulation/workspace/workspace.css';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { HOUR } from './playbackFixtures.ts';

const workflow = followUp.workflows[0]?.value as Workflow;
const parsed = parseScriptDocument(contactRepliesScript);
if (!parsed.ok) throw new Error('the example script does not parse');
const script = parsed.value;

/** Omar's whole trace at the end of "the contact writes again", from the real engine's playback. */
function omarsTrace() {
  const service = new PlaybackService();
  if (!service.load({ workflows: [workflow], script }).ok) throw new Error('the example does not load');
  const end = service.runToEnd();
  if (!end.ok) throw new Error('run to end refused');
  return end.frame.contact?.trace.entries ?? [];
}

/** The selected contact's trace in the workspace: filter by kind and step; a row goes to its instant. */
const meta = {
  title: 'Simulation/ContactTraceTable',
  component: ContactTraceTable,
  args: { contactName: 'Omar', entries: omarsTrace(), names: traceNamesOf([workflow], script), now: 3 * HOUR, onSeek: fn() },
} satisfies Meta<typeof ContactTraceTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Everything that happened to Omar; the stop is marked; choosing "Runs…" keeps starts and stops only, and a row seeks — anywhere on it. */
export const Filtered: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Workflow 24h follow-up stopped: incoming message')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Show'), 'Runs starting, stopping, ending');
    await expect(canvas.queryByText(/Timer set/)).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /^Go to \+3h: Workflow 24h follow-up stopped/ }));
    await expect(args.onSeek).toHaveBeenLastCalledWith(3 * HOUR);
    // The whole row seeks, not only its time: a point on the row's words is the row's button.
    const words = canvas.getByText('Workflow 24h follow-up stopped: incoming message').getBoundingClientRect();
    const hit = document.elementFromPoint(words.left + words.width / 2, words.top + words.height / 2);
    await expect(hit?.closest('button')?.getAttribute('aria-label')).toMatch(/^Go to \+3h: Workflow 24h follow-up stopped/);
  },
};

/** Nothing of the chosen kind yet. */
export const NothingYet: Story = {
  args: { entries: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nothing of this kind has happened to Omar yet.')).toBeVisible();
  },
};
