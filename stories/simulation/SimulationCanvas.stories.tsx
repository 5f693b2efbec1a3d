import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { PlaybackFrame } from '../../simulator/schema/playback.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import type { Step } from '../../simulator/schema/step.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { runOnCanvas } from '../../simulator/trace/nodeRunStates.ts';
import { nodeWidth } from '../../src/parts/canvas/nodeSize.ts';
import { SimulationCanvas } from '../../src/screens/simulation/canvas/SimulationCanvas.tsx';
import agentAnswersScript from '../../public/examples/follow-up/agent-answers.script.json';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import populationScript from '../../public/examples/follow-up/population.script.json';
import agentTakesOverScript from '../../public/examples/hot-lead/agent-takes-over.script.json';
import { followUp, hotLead } from '../fixtures/exampleDocuments.ts';
import { HOUR, MINUTE } from './playbackFixtures.ts';

const workflow = followUp.workflows[0]?.value as Workflow;
const hotLeadWorkflows = hotLead.workflows.map((document) => document.value);

function scriptOf(raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
  return parsed.value;
}

/** The frame the real engine's playback reports at `t`, and the selected contact's whole trace so far (spliced as the store does). */
function frameAt(workflows: readonly Workflow[], script: Script, t: number): { frame: PlaybackFrame; trace: TraceEntry[] } {
  const service = new PlaybackService();
  const loaded = service.load({ workflows: [...workflows], script });
  if (!loaded.ok) throw new Error('the example does not load');
  const moved = service.seek(t);
  if (!moved.ok) throw new Error('seek refused');
  const first = loaded.frame.contact?.trace.entries ?? [];
  const next = moved.frame.contact?.trace;
  return { frame: moved.frame, trace: next ? [...first.slice(0, next.from), ...next.entries] : first };
}

/** The canvas's props at `t`: the first of `workflows` on it, as the simulator shows it. */
function args(raw: unknown, t: number, workflows: readonly Workflow[] = [workflow]) {
  const { frame, trace } = frameAt(workflows, scriptOf(raw), t);
  const shown = workflows[0] as Workflow;
  return { workflow: shown, run: runOnCanvas(shown, frame.contact?.runs ?? [], trace), stats: frame.stats };
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Every badge reads at ≥ 12 px at zoom 1 and covers no other node (each node's box holds its card and its badge). */
async function expectBadgesClear(canvasElement: HTMLElement) {
  const badges = [...canvasElement.querySelectorAll<HTMLElement>('.run-badge')];
  await expect(badges.length).toBeGreaterThan(0);
  const nodes = [...canvasElement.querySelectorAll<HTMLElement>('.react-flow__node')];
  for (const badge of badges) {
    const own = badge.closest('.react-flow__node');
    for (const line of badge.querySelectorAll('p')) await expect(Number.parseFloat(getComputedStyle(line).fontSize)).toBeGreaterThanOrEqual(12);
    for (const node of nodes) if (node !== own) await expect(overlap(badge.getBoundingClientRect(), node.getBoundingClientRect())).toBe(false);
  }
}

/** The follow-up on the canvas while simulating: the selected contact's run, and every run's counts per step. */
const meta = {
  title: 'Simulation/SimulationCanvas',
  component: SimulationCanvas,
  decorators: [
    (Story) => (
      <div style={{ width: 900, height: 640 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SimulationCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

/** +1h: Omar's run waits at "Wait 24h"; the path to it is drawn. */
export const ActiveAtTheWait: Story = {
  args: args(contactRepliesScript, HOUR),
  play: async ({ canvasElement }) => {
    const wait = await within(canvasElement).findByTestId('node-wait');
    await expect(wait).toHaveClass('flow-node--run-active');
    await expect(wait).toHaveTextContent('Here now: waits until +1d');
  },
};

/** +3h: the reply stopped the run at "Wait 24h" (reason and time); the follow-up and End are cancelled. */
export const StoppedHereWithReason: Story = {
  args: args(contactRepliesScript, 3 * HOUR),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('node-wait')).toHaveTextContent('Stopped here: Incoming message at +3h');
    await expect(canvas.getByTestId('node-check-in')).toHaveClass('flow-node--run-cancelled');
    await expect(canvas.getByTestId('node-check-in')).toHaveTextContent('Cancelled: will not run');
    await expectBadgesClear(canvasElement);
  },
};

/**
 * Hot lead at +2h: "Send pricing" and "No rush" stand side by side in the document, 60 px apart;
 * the canvas moves "No rush" right so the pricing step's badge has its lane. The agent's message
 * stopped Dana's run at "Wait 24h": its stop marker is in view.
 */
export const BranchesSideBySide: Story = {
  args: args(agentTakesOverScript, 2 * HOUR, hotLeadWorkflows),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('node-wait-24h')).toHaveTextContent('Stopped here: Outgoing message at +3m');
    await waitFor(() => expect(canvasElement.querySelector('.react-flow__node')).toBeVisible());
    await expectBadgesClear(canvasElement);
    const pane = (canvasElement.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
    await waitFor(() => {
      const stop = (canvasElement.querySelector('.run-badge--stopped') as HTMLElement).getBoundingClientRect();
      return expect(stop.top >= pane.top && stop.bottom <= pane.bottom && stop.left >= pane.left && stop.right <= pane.right).toBe(true);
    });
  },
};

/** The Stop reason branch of the path: as wide as its five labels need, centred under the entry. */
const why: Step = { id: 'why', type: 'stop_reason_branch', label: 'Why stopped?', position: { x: 0, y: 160 } };
const whyAt = { x: 600 + (nodeWidth() - nodeWidth(why)) / 2, y: 160 };

/** The follow-up with a When stopped path beside it: entry → "Why stopped?" (Stop reason branch) → Else → "Remove nurture". */
const withPath: Workflow = {
  ...workflow,
  whenStopped: { id: 'when-stopped', label: '', position: { x: 600, y: 0 } },
  steps: [
    ...workflow.steps,
    { ...why, position: whyAt },
    { id: 'untag', type: 'update_tag', label: 'Remove nurture', action: 'remove', tag: 'nurture', position: { x: 600, y: 360 } },
  ],
  edges: [...workflow.edges, { id: 'w1', source: 'when-stopped', sourceHandle: 'next', target: 'why' }, { id: 'w2', source: 'why', sourceHandle: 'else', target: 'untag' }],
};

/**
 * +3h: the reply stopped the run at "Wait 24h", and in that instant its When stopped path ran: the
 * entry and both steps passed at +3h, the edges between them drawn as taken; the path is never
 * among the cancelled steps, which the follow-up and End are.
 */
export const WhenStoppedPathTaken: Story = {
  args: args(contactRepliesScript, 3 * HOUR, [withPath]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('node-wait')).toHaveTextContent('Stopped here: Incoming message at +3h');
    for (const id of ['when-stopped', 'why', 'untag']) {
      await expect(canvas.getByTestId(`node-${id}`)).toHaveTextContent('Passed at +3h');
      await expect(canvas.getByTestId(`node-${id}`)).not.toHaveClass('flow-node--run-cancelled');
    }
    await expect(canvas.getByTestId('node-check-in')).toHaveClass('flow-node--run-cancelled');
    for (const edge of ['w1', 'w2']) await expect(canvasElement.querySelector(`[data-testid="rf__edge-${edge}"]`)).toHaveClass('flow-edge--taken');
    await expectBadgesClear(canvasElement);
  },
};

/** The follow-up handing back instead of stopping: an agent's message pauses it, 2h of quiet from the team resumes it. */
const handsBack: Workflow = {
  ...workflow,
  settings: {
    ...workflow.settings,
    exitConditions: { ...workflow.settings.exitConditions, actions: { outgoing_message: 'pause' } },
    pause: { resume: { on: 'silence', after: '2h' } },
  },
};

/**
 * +1h: Alice answered at +45m, so the run is paused at "Wait 24h", in the pause colours: its timer
 * frozen with 23h15m left, resuming at +2h45m if the team stays quiet. Nothing after it is cancelled.
 */
export const PausedAtTheWait: Story = {
  args: args(agentAnswersScript, HOUR, [handsBack]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const wait = await canvas.findByTestId('node-wait');
    await expect(wait).toHaveClass('flow-node--run-paused');
    await expect(wait).toHaveTextContent('Paused: Outgoing message at +45m · resumes +2h45m · 23h15m left');
    const badge = wait.querySelector('.run-badge') as HTMLElement;
    await expect(getComputedStyle(badge).backgroundColor).toBe('rgb(243, 236, 251)'); // --color-pause-bg
    await expect(canvas.getByTestId('node-check-in')).not.toHaveClass('flow-node--run-cancelled');
    await expectBadgesClear(canvasElement);
  },
};

/** +1m: the contact is asked what they need; the run waits there for the answer. */
export const WaitingForAReply: Story = {
  args: args(agentTakesOverScript, MINUTE, hotLeadWorkflows),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('node-ask-need')).toHaveTextContent('Here now: waits for a reply');
  },
};

/** A population at its end: every step's counts — passed, waiting, completed and stopped by reason. */
export const PopulationCounts: Story = {
  args: args(populationScript, 400 * HOUR),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('node-ack')).toHaveTextContent(/\d+ passed/);
    // Counts per reason (which reasons depends on the population's random timelines).
    await expect(within(canvasElement).getByTestId('node-wait')).toHaveTextContent(/\d+ stopped: [a-z]+ [a-z]+/);
    await expectBadgesClear(canvasElement);
  },
};
