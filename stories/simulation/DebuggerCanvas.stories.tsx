import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { CoverageService } from '../../simulator/service/coverageService.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { runOnCanvas } from '../../simulator/trace/nodeRunStates.ts';
import type { NodeDebug } from '../../src/parts/canvas/NodeOverlay.tsx';
import { SimulationCanvas } from '../../src/screens/simulation/canvas/SimulationCanvas.tsx';
import { nodeNames } from '../../src/screens/simulation/debug/nodeNames.ts';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';
import { HOUR } from './playbackFixtures.ts';

const workflow = followUp.workflows[0]?.value as Workflow;

function scriptOf(raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
  return parsed.value;
}

const script = scriptOf(contactRepliesScript);

/** The canvas's props at `t` as the real engine's playback reports them, with the debugger's tools on the nodes. */
function at(t: number, debug: Partial<NodeDebug> = {}) {
  const service = new PlaybackService();
  const loaded = service.load({ workflows: [workflow], script });
  if (!loaded.ok) throw new Error('the example does not load');
  const moved = service.seek(t);
  if (!moved.ok) throw new Error('seek refused');
  const first = loaded.frame.contact?.trace.entries ?? [];
  const next = moved.frame.contact?.trace;
  const trace = next ? [...first.slice(0, next.from), ...next.entries] : first;
  return {
    workflow,
    run: runOnCanvas(workflow, moved.frame.contact?.runs ?? [], trace),
    stats: moved.frame.stats,
    debug: { now: moved.frame.time, names: nodeNames(workflow), fireNow: fn(), ...debug } satisfies NodeDebug,
  };
}

/** What no run of "the contact writes again" reaches, as the engine's coverage counts it. */
function neverReached() {
  const outcome = new CoverageService().coverage({ workflows: [workflow], scripts: [script] });
  if (!outcome.ok) throw new Error('coverage refused');
  const { perStep, perEdge } = outcome.coverage;
  return {
    steps: new Set(perStep.filter((step) => step.entered === 0).map((step) => step.step)),
    edges: new Set(perEdge.filter((edge) => edge.kind === 'edge' && edge.taken === 0).map((edge) => edge.edge)),
  };
}

/** The simulator's canvas with the debugger's tools: countdowns with Fire now, breakpoints in the margins, coverage marks. */
const meta = {
  title: 'Simulation/DebuggerCanvas',
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

/** +1h: Omar's run waits at "Wait 24h", its timer due at +1d: the badge counts down 23h, and Fire now jumps there. */
export const CountdownBadge: Story = {
  args: at(HOUR),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const wait = await canvas.findByTestId('node-wait');
    await expect(wait).toHaveTextContent('Due in 23h');
    const fire = canvas.getByRole('button', { name: 'Fire now: Wait 24h, due in 23h' });
    await userEvent.click(fire);
    await expect(args.debug?.fireNow).toHaveBeenCalledWith(24 * HOUR);
  },
};

/** A breakpoint on "Wait 24h": its dot in the margin filled and pressed; the others appear under the pointer or the keyboard. */
export const BreakpointOnTheWait: Story = {
  args: at(HOUR, { breakpoints: new Set(['wait']), toggleBreakpoint: fn() }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const dot = await canvas.findByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' });
    await expect(dot).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Breakpoint: pause when a run enters Follow-up' })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(canvas.getByRole('button', { name: 'Breakpoint: pause when a run enters Follow-up' }));
    await expect(args.debug?.toggleBreakpoint).toHaveBeenCalledWith('check-in');
  },
};

/** Coverage of "the contact writes again" alone: the follow-up and End are never reached, dashed and said so; the paths to them dashed. */
export const CoverageOverlay: Story = {
  args: { ...at(3 * HOUR, { neverReached: neverReached().steps }), neverTaken: neverReached().edges },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('node-check-in')).toHaveClass('flow-node--never-reached');
    await expect(canvas.getByTestId('node-check-in')).toHaveTextContent('Never reached');
    await expect(canvas.getByTestId('node-done')).toHaveClass('flow-node--never-reached');
    await expect(canvas.getByTestId('node-wait')).not.toHaveClass('flow-node--never-reached');
    await expect(canvasElement.querySelectorAll('.react-flow__edge.flow-edge--never-reached')).toHaveLength(2);
  },
};
