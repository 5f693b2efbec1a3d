import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { checkExpectations } from '../../simulator/engine/expectations.ts';
import { prepareSimulation } from '../../simulator/engine/prepareSimulation.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { ExpectationList } from '../../src/screens/simulation/ExpectationList.tsx';
import { hotLead } from '../fixtures/exampleDocuments.ts';

/** A script's expectations, checked by the engine against its own run. */
function expectationsOf(script: Script) {
  const prepared = prepareSimulation({ workflows: hotLead.workflows.map((document) => document.value), script });
  if (!prepared.ok) throw new Error(prepared.problems.map((problem) => problem.message).join('; '));
  return checkExpectations(prepared.simulation.runToEnd(), script);
}

const meta = {
  title: 'Simulation/ExpectationList',
  component: ExpectationList,
} satisfies Meta<typeof ExpectationList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllHold: Story = {
  args: { expectations: expectationsOf(hotLead.agentTakesOver.value) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('"Still interested?" was never sent to dana')).toBeVisible();
  },
};

/** The author expected the follow-up to be sent, but the agent's message stopped the run first. */
export const OneFails: Story = {
  args: {
    expectations: expectationsOf({
      ...hotLead.agentTakesOver.value,
      expect: [
        { contact: 'dana', workflow: 'Lead nurture', status: 'completed' },
        { contact: 'dana', neverSent: 'Still interested?' },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Expected Lead nurture for dana to be completed, but it was stopped \(outgoing_message\)/)).toBeVisible();
  },
};
