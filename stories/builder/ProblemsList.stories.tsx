import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';
import { ProblemsList } from '../../src/screens/builder/ProblemsList.tsx';
import { buildWorkflow, exitOn, followUpWorkflow, steps } from '../../test/harness/workflowFixtures.ts';

/**
 * A Workflow with problems of every sort the list shows: on a step, on an edge only (into the
 * trigger), on a step and its edge, and Workflow-wide (exit conditions on with none chosen), which has nothing to show on the canvas.
 */
const broken = buildWorkflow({
  name: 'Broken',
  steps: [steps.send('greet', '', 'Greeting'), steps.wait('wait', '1h', 'Wait 1h'), steps.jump('again', '', 'Again'), steps.end()],
  edges: ['trigger>greet', 'greet>wait', 'greet>end', 'wait>trigger'],
  settings: exitOn([]),
});
const brokenProblems = validateWorkflow(broken);

const meta = {
  title: 'Builder/ProblemsList',
  component: ProblemsList,
  args: { onShow: fn(), problems: brokenProblems },
  decorators: [
    (Story) => (
      <div style={{ width: '22rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ProblemsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every problem is a button that shows where it is: a step, an edge, or the settings. */
export const WithProblems: Story = {
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement).getByRole('region', { name: /^Problems/ });
    await expect(within(panel).getByRole('heading', { name: `Problems ${brokenProblems.length}` })).toBeVisible();
    const items = within(panel).getAllByRole('button');
    await expect(items.map((item) => item.textContent?.trim())).toEqual(brokenProblems.map((problem) => problem.message));

    const empty = within(panel).getByRole('button', { name: '"Greeting" has no message text' });
    await userEvent.click(empty);
    await expect(args.onShow).toHaveBeenCalledOnce();
    await expect(args.onShow).toHaveBeenCalledWith(expect.objectContaining({ code: 'empty_message', stepId: 'greet' }));

    await userEvent.click(within(panel).getByRole('button', { name: '"Again" cannot be reached from the trigger' }));
    await expect(args.onShow).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'unreachable', stepId: 'again' }));

    // A problem with an edge and no step is shown too (the edge gets selected).
    await userEvent.click(within(panel).getByRole('button', { name: 'Nothing can lead into the trigger' }));
    await expect(args.onShow).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'edge_into_trigger', edgeId: 'e3' }));

    // The settings problem has no step or edge, but settings to open: its button shows it too.
    const wide = within(panel).getByRole('button', { name: /^Exit conditions are on but none is selected/ });
    await expect(wide).toBeEnabled();
    await userEvent.click(wide);
    await expect(args.onShow).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'exit_conditions_empty', path: ['settings', 'exitConditions', 'on'] }));
  },
};

/** Keyboard: Tab reaches each problem and Enter shows it. */
export const ShowWithKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement).getByRole('region', { name: /^Problems/ });
    await userEvent.tab();
    await expect(within(panel).getAllByRole('button')[0]).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(args.onShow).toHaveBeenCalledOnce();
    await expect(args.onShow).toHaveBeenCalledWith(brokenProblems[1]);
  },
};

/** A valid Workflow: nothing keeps it from being published. */
export const NoProblems: Story = {
  args: { problems: validateWorkflow(followUpWorkflow()) },
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement).getByRole('region', { name: /^Problems/ });
    await expect(args.problems).toHaveLength(0);
    await expect(within(panel).getByRole('heading', { name: 'Problems 0' })).toBeVisible();
    await expect(panel).toHaveTextContent('No problems: this Workflow can be published.');
    await expect(within(panel).queryByRole('button')).toBeNull();
    await expect(within(panel).queryByRole('list')).toBeNull();
  },
};

/**
 * In a narrow panel the messages wrap to several lines, and each icon keeps its size beside
 * them (it was squeezed to a dot by its text).
 */
export const WrappedInANarrowPanel: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: '11rem' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: /^Problems/ });
    const items = within(panel).getAllByRole('button');
    const lineHeight = parseFloat(getComputedStyle(items[0] as HTMLElement).lineHeight);
    const wrapped = items.filter((item) => item.getBoundingClientRect().height > 1.5 * lineHeight);
    await expect(wrapped.length).toBeGreaterThan(0);
    const iconSizes = items.map((item) => {
      const box = (item.querySelector('svg') as SVGElement).getBoundingClientRect();
      return `${Math.round(box.width)}×${Math.round(box.height)}`;
    });
    await expect(iconSizes).toEqual(items.map(() => '14×14'));
  },
};

/** 1,000 steps that nothing leads to: 1,000 problems, each "cannot be reached". */
const unreachable = buildWorkflow({ name: 'Unlinked', steps: Array.from({ length: 1_000 }, (_, i) => steps.send(`s${i}`, 'Hi', `Step ${i + 1}`)), edges: [] });
const unreachableProblems = validateWorkflow(unreachable);

/**
 * Thousands of problems: the first 200 are listed, with how many there are and buttons for more,
 * so an edit to a broken Workflow of thousands of steps does not draw thousands of buttons. Two presses of "Show
 * 200 more" 50 ms apart add 400; "Show all" lists every one.
 */
export const ThousandsOfProblems: Story = {
  args: { problems: unreachableProblems, workflow: unreachable },
  decorators: [
    (Story) => (
      <div style={{ width: '22rem', height: '24rem', overflow: 'auto' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: /^Problems/ });
    await expect(unreachableProblems).toHaveLength(1_000);
    await expect(within(panel).getByRole('heading', { name: 'Problems 1000' })).toBeVisible();
    const items = () => panel.querySelectorAll('.problems-panel__item').length;
    await expect(items()).toBe(200);
    await expect(panel).toHaveTextContent('Showing the first 200 of 1,000 problems.');
    const more = within(panel).getByRole('button', { name: 'Show 200 more' });
    await userEvent.click(more);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await userEvent.click(within(panel).getByRole('button', { name: 'Show 200 more' }));
    await expect(items()).toBe(600);
    await userEvent.click(within(panel).getByRole('button', { name: 'Show all' }));
    await expect(items()).toBe(1_000);
    await expect(within(panel).queryByRole('button', { name: 'Show all' })).toBeNull();
    // The picture shows the top of the list, as when it opens.
    panel.closest<HTMLElement>('div[style]')?.scrollTo({ top: 0 });
  },
};
