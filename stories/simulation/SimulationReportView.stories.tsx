import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { SimulationReport } from '../../simulator/schema/report.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { SimulationReportView } from '../../src/screens/simulation/SimulationReportView.tsx';
import type { LoadedDocument } from '../../src/parts/examples/readDocument.ts';
import { followUp, hotLead } from '../fixtures/exampleDocuments.ts';

/**
 * The end-of-run report of a bundled example, made by the real engine as the workspace asks its
 * worker for it: the playback service loads the documents, then answers `report()`.
 */
function reportOf(workflows: readonly LoadedDocument<Workflow>[], script: LoadedDocument<Script>, settings?: WorkflowSettings): SimulationReport {
  const service = new PlaybackService();
  const loaded = service.load({ workflows: workflows.map((document) => (settings ? { ...document.value, settings } : document.value)), script: script.value });
  if (!loaded.ok) throw new Error(`${script.file}: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  const outcome = service.report();
  if (!outcome.ok) throw new Error(`${script.file}: ${outcome.problems.map((problem) => problem.message).join('; ')}`);
  return outcome.report;
}

const meta = {
  title: 'Simulation/SimulationReportView',
  component: SimulationReportView,
  args: { onMoreRows: fn() },
} satisfies Meta<typeof SimulationReportView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AgentTakesOver: Story = {
  args: { report: reportOf(hotLead.workflows, hotLead.agentTakesOver) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('3 of 3 expectations hold')).toBeVisible();
    await expect(canvas.getByText('Workflow Lead nurture stopped: outgoing message')).toBeVisible();
  },
};

export const ReplyInTheSameSecondWins: Story = {
  args: { report: reportOf(followUp.workflows, followUp.sameSecond) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Workflow 24h follow-up stopped: incoming message')).toBeVisible();
    await expect(canvas.queryByText(/sends "Just checking in/)).toBeNull();
  },
};

export const RestrictedAgentCannotStop: Story = {
  args: { report: reportOf(hotLead.workflows, hotLead.restrictedStop) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/refused for Rita: the user has the user restriction/)).toBeVisible();
  },
};

/**
 * The settings changed in the workspace (exit conditions off): the contact's reply no longer stops
 * the run, the follow-up is sent, and the script's expectations fail.
 */
export const ExitConditionsOff: Story = {
  args: { report: reportOf(followUp.workflows, followUp.contactReplies, { manualStop: false, exitConditions: { enabled: false, on: [] } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('0 of 2 expectations hold')).toBeVisible();
    await expect(canvas.getByText(/sends "Just checking in/)).toBeVisible();
    await expect(canvas.queryByText(/stopped: incoming message/)).toBeNull();
  },
};

/**
 * The follow-up pausing on the contact's reply instead of stopping, resuming only when the
 * conversation is closed (the script never closes it): the run is listed paused, since when and
 * how it resumes, in the pause colours.
 */
export const PausedUntilClosed: Story = {
  args: {
    report: reportOf(followUp.workflows, followUp.contactReplies, {
      manualStop: false,
      exitConditions: { enabled: true, on: ['incoming_message'], actions: { incoming_message: 'pause' } },
      pause: { resume: { on: 'conversation_closed' } },
    }),
  },
  play: async ({ canvasElement }) => {
    const runs = within(within(canvasElement).getByRole('table', { name: 'Runs' }));
    const row = runs.getByRole('row', { name: /Omar/ });
    const status = within(row).getByText('paused');
    await expect(getComputedStyle(status).color).toBe('rgb(107, 63, 160)'); // --color-pause
    await expect(row).toHaveTextContent('incoming message');
    await expect(row).toHaveTextContent('since +3h, resumes when the conversation is closed');
  },
};

/** The follow-up's 1,000-contact population: the report comes with a page of rows, the engine sends more on request. */
function PagedPopulationReport() {
  const [service] = useState(() => {
    const playback = new PlaybackService();
    playback.load({ workflows: followUp.workflows.map((document) => document.value), script: followUp.population.value });
    return playback;
  });
  const [report, setReport] = useState(() => {
    const outcome = service.report();
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
    return outcome.report;
  });
  const more = (kind: 'runs' | 'trace', count: number) => {
    const page = service.reportRows({ kind, from: kind === 'runs' ? report.runs.length : report.trace.length, count: Math.min(count, 5_000) });
    if (!page.ok) throw new Error(page.problems.map((problem) => problem.message).join('; '));
    setReport((current) => (page.kind === 'runs' ? { ...current, runs: [...current.runs, ...page.rows] } : { ...current, trace: [...current.trace, ...page.rows] }));
  };
  return <SimulationReportView report={report} onMoreRows={more} />;
}

export const PopulationInPages: Story = {
  args: { report: reportOf(followUp.workflows, followUp.contactReplies) },
  render: () => <PagedPopulationReport />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const runs = canvas.getByRole('table', { name: 'Runs' });
    await expect(within(runs).getAllByRole('row')).toHaveLength(51);
    await expect(canvas.getByText(/Showing the first 50 of [\d,]+ runs/)).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Show 200 more' })[0] as HTMLElement);
    await expect(within(runs).getAllByRole('row')).toHaveLength(251);
    await expect(canvas.getByText(/Showing the first 250 of [\d,]+ runs/)).toBeVisible();
  },
};
