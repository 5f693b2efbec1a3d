import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { Script } from '../../simulator/schema/script.ts';
import { SimulationView } from '../../src/simulation/SimulationView.tsx';
import { followUp, hotLead } from '../fixtures/exampleDocuments.ts';

/** The simulation of a bundled example, run by the real engine as the story renders. */
const meta = {
  title: 'Simulation/SimulationView',
  component: SimulationView,
} satisfies Meta<typeof SimulationView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AgentTakesOver: Story = {
  args: { workflows: hotLead.workflows, script: hotLead.agentTakesOver },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('3 of 3 expectations hold')).toBeVisible();
    await expect(canvas.getByText('Workflow Lead nurture stopped: outgoing message')).toBeVisible();
  },
};

export const ReplyInTheSameSecondWins: Story = {
  args: { workflows: followUp.workflows, script: followUp.sameSecond },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Workflow 24h follow-up stopped: incoming message')).toBeVisible();
    await expect(canvas.queryByText(/sends "Just checking in/)).toBeNull();
  },
};

export const RestrictedAgentCannotStop: Story = {
  args: { workflows: hotLead.workflows, script: hotLead.restrictedStop },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/refused for Rita: the user has the user restriction/)).toBeVisible();
  },
};

const unknownWorkflowScript: Script = {
  ...hotLead.agentTakesOver.value,
  events: [{ at: '+0', contact: 'dana', type: 'workflow.stop', user: 'alice', workflow: 'No such Workflow' }],
  expect: [],
};

/** The engine refuses an impossible script: the view lists the problem instead of a trace. */
export const RefusedInput: Story = {
  args: { workflows: hotLead.workflows, script: { file: 'broken.script.json', value: unknownWorkflowScript } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/No Workflow "No such Workflow" is loaded/)).toBeVisible();
  },
};
