import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { stepFunnel, stopsOverTime, timelineEnd } from '../../simulator/engine/populationSeries.ts';
import { Simulation } from '../../simulator/engine/simulation.ts';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { StepFunnel } from '../../src/screens/simulation/population/StepFunnel.tsx';
import { StopsOverTimeChart } from '../../src/screens/simulation/population/StopsOverTimeChart.tsx';
import nobodyAnswersScript from '../../public/examples/follow-up/nobody-answers.script.json';
import populationScript from '../../public/examples/follow-up/population.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';

const DAY = 86_400_000;

function script(file: string, raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** The bundled follow-up with one of its scripts, in the real engine, played to `until` (or to the end). */
function simulate(file: string, raw: unknown, until?: number): Simulation {
  const sim = new Simulation({ workflows: followUp.workflows.map((document) => document.value), script: script(file, raw) });
  if (until === undefined) return sim.runToEnd();
  sim.runUntil(until);
  return sim;
}

/** 1,000 contacts whose replies, answers and assignments race the follow-up, over two days and more. */
const population = simulate('follow-up/population.script.json', populationScript);
/** The same population one day in, its axis fixed to the whole run's timeline (as while playing). */
const populationDayOne = simulate('follow-up/population.script.json', populationScript, DAY);
/** One contact nobody answers: the follow-up is sent and the run completes; nothing stops. */
const nobodyAnswers = simulate('follow-up/nobody-answers.script.json', nobodyAnswersScript);

/** Charts take the width of their box: a fixed one, as in the workspace's panel. */
const meta = {
  title: 'Simulation/Population chart',
  decorators: [
    (Story) => (
      <div style={{ width: 720, minHeight: 360 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** When the population's runs stopped, and why: stacked bars every 3h over two days and more. */
export const StopsOverTime: Story = {
  render: () => <StopsOverTimeChart series={stopsOverTime(population, 24)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure', { name: 'Stops over time' });
    await expect(figure).toHaveAccessibleDescription(
      '1,945 runs stopped between +0 and +2d9h56m19s, in stretches of 3h: 35 by outgoing message, 965 by incoming message, 945 by manual assignment.',
    );
    // The legend: every reason, with its total.
    const legend = canvas.getByRole('list', { name: 'Stop reasons' });
    const items = within(legend).getAllByRole('listitem');
    await expect(items.map((item) => item.textContent)).toEqual(['Stopped by hand0', 'Outgoing message35', 'Incoming message965', 'Manual assignment945']);
    await expect(within(legend).getByText('Incoming message')).toBeVisible();
    // The bars are drawn, in SVG, each reason in its own colour, the axis in offsets.
    await waitFor(() => expect(canvasElement.querySelectorAll('.population-chart__segment').length).toBeGreaterThan(0));
    const fills = new Set([...canvasElement.querySelectorAll('.population-chart__segment')].map((segment) => getComputedStyle(segment).fill));
    await expect(fills).toEqual(new Set(['rgb(213, 94, 0)', 'rgb(0, 114, 178)', 'rgb(0, 158, 115)']));
    // Every third stretch is labelled: +0, +9h, +18h, +1d3h…
    await expect(canvas.getByText('+1d12h')).toBeVisible();
    // The numbers, for screen readers: a row per stretch with stops, and the totals.
    const table = canvas.getByRole('table');
    await expect(within(table).getByRole('rowheader', { name: '+1d6h to +1d9h' })).toBeInTheDocument();
    await expect(within(table).getByRole('row', { name: /^Whole timeline/ })).toHaveTextContent('Whole timeline0359659451945');
    // The keyboard reaches the bars: the arrows move the tooltip from stretch to stretch.
    const surface = canvasElement.querySelector('svg.recharts-surface') as SVGElement;
    surface.focus();
    const tooltip = () => canvasElement.querySelector('.population-tooltip');
    await waitFor(() => expect(tooltip()).toHaveTextContent('+0 to +3hNo run stopped'));
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    // Early on only second messages stop runs; a reason with no stops in the stretch is left out.
    await waitFor(() => expect(tooltip()).toHaveTextContent('+6h to +9h'));
    await expect(tooltip()).toHaveTextContent(/^\+6h to \+9hIncoming message36$/);
    await userEvent.keyboard('{ArrowRight}'.repeat(10));
    await waitFor(() => expect(tooltip()).toHaveTextContent('+1d12h to +1d15h'));
    await expect(tooltip()).toHaveTextContent('Outgoing message7Incoming message23Manual assignment62');
  },
};

/** A day in, while playing: the later stretches are still empty, the axis already reaches the end. */
export const StopsOverTimeOneDayIn: Story = {
  render: () => <StopsOverTimeChart series={stopsOverTime(populationDayOne, 24, { end: timelineEnd(population) })} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Stops over time' })).toHaveAccessibleDescription(
      '653 runs stopped between +0 and +1d, in stretches of 3h: 643 by incoming message, 10 by manual assignment.',
    );
    await expect(canvas.getByText('+2d6h')).toBeVisible();
    const rows = within(canvas.getByRole('table')).getAllByRole('rowheader');
    // Only stretches up to +1d have stops yet (the last row is the totals); a contact's second
    // message at +1d itself stopped a run, in the stretch that begins there.
    await expect(rows.slice(0, -1).map((row) => row.textContent)).toEqual([
      '+3h to +6h',
      '+6h to +9h',
      '+9h to +12h',
      '+12h to +15h',
      '+15h to +18h',
      '+18h to +21h',
      '+21h to +1d',
      '+1d to +1d3h',
    ]);
  },
};

/** A script in which no run stops: the chart says so, with zeros in the legend. */
export const NoStops: Story = {
  render: () => <StopsOverTimeChart series={stopsOverTime(nobodyAnswers, 24)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('figcaption')).toHaveTextContent('Stops over timeNo run stopped between +0 and +1d.');
    const items = within(canvas.getByRole('list', { name: 'Stop reasons' })).getAllByRole('listitem');
    await expect(items.map((item) => item.lastChild?.textContent)).toEqual(['0', '0', '0', '0']);
  },
};

/** How far the population's runs got along the follow-up: all to the wait, fewer than one in twenty to the check-in. */
export const RunsPerStep: Story = {
  render: () => <StepFunnel funnel={stepFunnel(population, 'follow-up')} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure', { name: 'Runs per step: 24h follow-up' });
    const steps = within(figure).getAllByRole('listitem');
    await expect(steps.map((step) => step.querySelector('.step-funnel__label')?.textContent)).toEqual([
      'Contact writes in',
      'Acknowledge',
      'Wait 24h',
      'Follow-up',
      'End',
    ]);
    await expect(within(steps[0] as HTMLElement).getByText(/2,035 reached/)).toBeVisible();
    await expect(steps[3]).toHaveTextContent('90 reached (4%)');
    await expect(steps[2]).toHaveTextContent('1,945 stopped here (35 outgoing message, 965 incoming message, 945 manual assignment)');
    await expect(steps[4]).toHaveTextContent('90 completed');
    await expect(canvas.getByText('2,035 runs started; 90 completed.')).toBeVisible();
    // The bars are as long as the runs that reached each step, against the widest.
    const widths = steps.map((step) => Number(step.querySelector('.step-funnel__fill')?.getAttribute('width')));
    await expect(widths).toEqual([100, 100, 100, (90 / 2035) * 100, (90 / 2035) * 100]);
  },
};

/** One contact nobody answers: one run, all the way to the end. */
export const RunsPerStepOneContact: Story = {
  render: () => <StepFunnel funnel={stepFunnel(nobodyAnswers, 'follow-up')} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('1 run started; 1 completed.')).toBeVisible();
    for (const step of canvas.getAllByRole('listitem')) await expect(step).toHaveTextContent('1 reached (100%)');
  },
};
