import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { checkExpectations } from '../../simulator/engine/expectations.ts';
import { prepareSimulation } from '../../simulator/engine/prepareSimulation.ts';
import type { PlaybackInfo } from '../../simulator/schema/playback.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { WorkspaceExpectations } from '../../src/screens/simulation/workspace/WorkspaceExpectations.tsx';
import { hotLead } from '../fixtures/exampleDocuments.ts';
import '../../src/screens/simulation/workspace/workspace.css';

/** A script's expectations as the playback service hands them over: checked by the engine, a failure with its instant. */
function expectationsOf(expect: Script['expect']): PlaybackInfo['expectations'] {
  const script = { ...hotLead.agentTakesOver.value, expect };
  const prepared = prepareSimulation({ workflows: hotLead.workflows.map((document) => document.value), script });
  if (!prepared.ok) throw new Error(prepared.problems.map((problem) => problem.message).join('; '));
  const simulation = prepared.simulation.runToEnd();
  return checkExpectations(simulation, script).map((result) =>
    result.traceSeq === undefined ? result : { ...result, at: simulation.trace.tAt(result.traceSeq) },
  );
}

const neverSent = { contact: 'dana', neverSent: 'Still interested?' } as const;
const stopped = { contact: 'dana', workflow: 'Lead nurture', status: 'stopped' } as const;
const completed = { contact: 'dana', workflow: 'Lead nurture', status: 'completed' } as const;

const meta = {
  title: 'Simulation/WorkspaceExpectations',
  component: WorkspaceExpectations,
  args: { onSeek: fn(), expectations: expectationsOf([neverSent]) },
  decorators: [
    (Story) => (
      <div style={{ width: '24rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof WorkspaceExpectations>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One expectation that holds is told as one ("all 1 hold" read as a slip). */
export const OneHolds: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { level: 2 })).toHaveTextContent(/^Expectations: it holds$/);
  },
};

export const AllHold: Story = {
  args: { expectations: expectationsOf([neverSent, stopped]) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { level: 2 })).toHaveTextContent(/^Expectations: all 2 hold$/);
  },
};

/** A failure says how many of how many, and leads to the instant that shows why. */
export const OneFails: Story = {
  args: { expectations: expectationsOf([completed, neverSent]) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(/^Expectations: 1 of 2 fail$/);
    await userEvent.click(canvas.getByRole('button', { name: /^Go to \+\S+, where it went wrong$/ }));
    await expect(args.onSeek).toHaveBeenCalledOnce();
    await expect(args.onSeek).toHaveBeenCalledWith(args.expectations[0]?.at);
  },
};
