import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { PlaybackFrame } from '../../simulator/schema/playback.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { runOnCanvas } from '../../simulator/trace/nodeRunStates.ts';
import { SimulationCanvas } from '../../src/simulation/canvas/SimulationCanvas.tsx';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import populationScript from '../../public/examples/follow-up/population.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { HOUR } from './playbackFixtures.ts';

const workflow = followUp.workflows[0]?.value as Workflow;

function scriptOf(raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
  return parsed.value;
}

/** The frame the real engine's playback reports at `t`, and the selected contact's whole trace so far (spliced as the store does). */
function frameAt(raw: unknown, t: number): { frame: PlaybackFrame; trace: TraceEntry[] } {
  const service = new PlaybackService();
  const loaded = service.load({ workflows: [workflow], script: scriptOf(raw) });
  if (!loaded.ok) throw new Error('the example does not load');
  const moved = service.seek(t);
  if (!moved.ok) throw new Error('seek refused');
  const first = loaded.frame.contact?.trace.entries ?? [];
  const next = moved.frame.contact?.trace;
  return { frame: moved.frame, trace: next ? [...first.slice(0, next.from), ...next.entries] : first };
}

function args(raw: unknown, t: number) {
  const { frame, trace } = frameAt(raw, t);
  return { workflow, run: runOnCanvas(workflow, frame.contact?.runs ?? [], trace), stats: frame.stats };
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
  },
};

/** A population at its end: every step's counts — passed, waiting, completed and stopped by reason. */
export const PopulationCounts: Story = {
  args: args(populationScript, 400 * HOUR),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('node-ack')).toHaveTextContent(/\d+ passed/);
    await expect(within(canvasElement).getByTestId('node-wait')).toHaveTextContent(/stopped: incoming message/);
  },
};
