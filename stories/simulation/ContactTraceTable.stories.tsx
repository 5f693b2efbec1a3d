import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { traceNamesOf } from '../../simulator/trace/traceNames.ts';
import { ContactTraceTable } from '../../src/screens/simulation/workspace/ContactTraceTable.tsx';
import '../../src/screens/simulation/workspace/workspace.css';
import agentAnswersScript from '../../public/examples/follow-up/agent-answers.script.json';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { HOUR } from './playbackFixtures.ts';

const workflow = followUp.workflows[0]?.value as Workflow;
const parsed = parseScriptDocument(contactRepliesScript);
if (!parsed.ok) throw new Error('the example script does not parse');
const script = parsed.value;

/** Omar's whole trace at the end of a script (by default "the contact writes again"), from the real engine's playback. */
function omarsTrace(workflows: readonly Workflow[] = [workflow], played = script) {
  const service = new PlaybackService();
  if (!service.load({ workflows: [...workflows], script: played }).ok) throw new Error('the example does not load');
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

const answered = parseScriptDocument(agentAnswersScript);
if (!answered.ok) throw new Error('the example script does not parse');
/** The follow-up handing back: Alice's answer pauses it, 2h of quiet from the team resumes it. */
const handsBack: Workflow = {
  ...workflow,
  settings: {
    ...workflow.settings,
    exitConditions: { ...workflow.settings.exitConditions, actions: { outgoing_message: 'pause' } },
    pause: { resume: { on: 'silence', after: '2h' } },
  },
};

/** A hand-back: the pause and the resume are listed with the runs' starts and stops, the frozen timer with the timers. */
export const PauseAndResume: Story = {
  args: { entries: omarsTrace([handsBack], answered.value), names: traceNamesOf([handsBack], answered.value), now: 30 * HOUR },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const show = canvas.getByLabelText('Show');
    await userEvent.selectOptions(show, 'Runs starting, stopping, ending');
    await expect(canvas.getByText(/^Workflow 24h follow-up paused at "Wait 24h": outgoing message; resumes /)).toBeVisible();
    await expect(canvas.getByText(/^Workflow 24h follow-up resumes at "Wait 24h": /)).toBeVisible();
    await expect(canvas.queryByText(/frozen/)).toBeNull();
    await userEvent.selectOptions(show, 'Timers');
    await expect(canvas.getByText(/frozen .*with \+?23h15m left$/)).toBeVisible();
    await expect(canvas.queryByText(/paused at/)).toBeNull();
  },
};
