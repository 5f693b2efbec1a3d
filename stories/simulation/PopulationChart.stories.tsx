import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { pausedAtSteps, pausesOverTime, stepFunnel, stopsOverTime, timelineEnd } from '../../simulator/engine/populationSeries.ts';
import { Simulation } from '../../simulator/engine/simulation.ts';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import { PausesOverTimeChart } from '../../src/screens/simulation/population/PausesOverTimeChart.tsx';
import { PopulationSection, type PopulationCharts } from '../../src/screens/simulation/population/PopulationSection.tsx';
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

/** The bundled follow-up (with other settings, when given) and one of its scripts, in the real engine, played to `until` (or to the end). */
function simulate(file: string, raw: unknown, until?: number, settings?: WorkflowSettings): Simulation {
  const workflows = followUp.workflows.map((document) => (settings ? { ...document.value, settings } : document.value));
  const sim = new Simulation({ workflows, script: script(file, raw) });
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

/** The follow-up handing back: an agent's answer or an assignment pauses the run (a reply still stops it), 2h of quiet from the team resumes it. */
const HAND_BACK: WorkflowSettings = {
  manualStop: false,
  exitConditions: {
    enabled: true,
    on: ['outgoing_message', 'incoming_message', 'manual_assignment'],
    actions: { outgoing_message: 'pause', manual_assignment: 'pause' },
  },
  pause: { resume: { on: 'silence', after: '2h' } },
};
/** The population with the follow-up handing back, to its end and one day in. */
const handBack = simulate('follow-up/population.script.json', populationScript, undefined, HAND_BACK);
const handBackDayOne = simulate('follow-up/population.script.json', populationScript, DAY, HAND_BACK);

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

/** The population handed back: the runs paused and resumed in each 4h stretch, and none paused at the end. */
const handBackPauses = pausesOverTime(handBack, 24);

export const PausesAndResumes: Story = {
  render: () => <PausesOverTimeChart series={handBackPauses} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('figure', { name: 'Pauses and resumes over time' })).toHaveAccessibleDescription(
      '946 runs paused and 937 resumed between +0 and +3d9h57m4s, in stretches of 4h; 0 still paused at +3d9h57m4s.',
    );
    const legend = within(canvas.getByRole('list', { name: 'Pauses and resumes' })).getAllByRole('listitem');
    await expect(legend.map((item) => item.textContent)).toEqual([
      'Paused: an exit condition handed the contact to your team946',
      'Resumed: the run carried on where it paused937',
    ]);
    // A bar for each stretch with a pause, and one beside it for each with a resume.
    await waitFor(() => expect(canvasElement.querySelectorAll('.population-chart__segment--paused').length).toBe(handBackPauses.buckets.filter((bucket) => bucket.paused > 0).length));
    await expect(canvasElement.querySelectorAll('.population-chart__segment--resumed').length).toBe(handBackPauses.buckets.filter((bucket) => bucket.resumed > 0).length);
    await expect(within(canvas.getByRole('table')).getByRole('row', { name: /^Whole timeline/ })).toHaveTextContent('Whole timeline946937');
  },
};

/**
 * The dock's population section one day into the handed-back population: the stops, then the
 * pauses and resumes (4 runs held for the team now), then the funnel, whose Wait says how many are
 * paused there beside those stopped and waiting.
 */
export const HandBackOneDayIn: Story = {
  render: () => {
    const end = timelineEnd(handBack);
    const charts: PopulationCharts = {
      ok: true,
      stops: stopsOverTime(handBackDayOne, 24, { end }),
      funnel: stepFunnel(handBackDayOne, 'follow-up'),
      pauses: pausesOverTime(handBackDayOne, 24, { end }),
      pausedAtSteps: pausedAtSteps(handBackDayOne, 'follow-up'),
    };
    return <PopulationSection workflowId="follow-up" workflowName="24h follow-up" time={DAY} load={() => Promise.resolve(charts)} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pauses = await canvas.findByRole('figure', { name: '24h follow-up: runs paused and resumed over time' });
    await expect(pauses).toHaveAccessibleDescription('10 runs paused and 6 resumed between +0 and +1d, in stretches of 4h; 4 still paused at +1d.');
    const wait = canvasElement.querySelector('[data-step="wait"]') as HTMLElement;
    await expect(wait).toHaveTextContent('643 stopped here (643 incoming message) · 4 paused here · 362 waiting');
  },
};

/** A Workflow that never pauses: the section shows no pauses chart. */
export const NoPausesNoChart: Story = {
  render: () => {
    const charts: PopulationCharts = {
      ok: true,
      stops: stopsOverTime(population, 24),
      funnel: stepFunnel(population, 'follow-up'),
      pauses: pausesOverTime(population, 24),
      pausedAtSteps: pausedAtSteps(population, 'follow-up'),
    };
    return <PopulationSection workflowId="follow-up" workflowName="24h follow-up" time={DAY} load={() => Promise.resolve(charts)} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('figure', { name: '24h follow-up: runs stopped over time, by reason' })).toBeVisible();
    await expect(canvas.queryByRole('figure', { name: /paused and resumed/ })).toBeNull();
    await expect(canvasElement).not.toHaveTextContent('paused here');
  },
};
