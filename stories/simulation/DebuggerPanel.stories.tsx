import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Breakpoints } from '../../simulator/schema/breakpoints.ts';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { CoverageService } from '../../simulator/service/coverageService.ts';
import { BreakpointList } from '../../src/screens/simulation/debug/BreakpointList.tsx';
import { CoverageSection } from '../../src/screens/simulation/debug/CoverageSection.tsx';
import { nodeNames } from '../../src/screens/simulation/debug/nodeNames.ts';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';

const workflow = followUp.workflows[0]?.value as Workflow;
const names = nodeNames(workflow);
const script = parseScriptDocument(contactRepliesScript);
if (!script.ok) throw new Error('the example script does not parse');
const coverage = new CoverageService().coverage({ workflows: [workflow], scripts: [script.value] });
if (!coverage.ok) throw new Error('coverage refused');

interface Props {
  readonly initial: Breakpoints;
  readonly onChange: (breakpoints: Breakpoints) => void;
}

/** The dock's Debugger as the workspace lays it out: the breakpoints (held here as the URL holds them) beside the engine's coverage. */
function DebuggerPanel({ initial, onChange }: Props) {
  const [breakpoints, setBreakpoints] = useState(initial);
  const [marked, setMarked] = useState(false);
  return (
    <div className="workspace-debugger" style={{ width: 900 }}>
      <BreakpointList
        breakpoints={breakpoints}
        onChange={(update) =>
          setBreakpoints((current) => {
            const next = update(current);
            onChange(next);
            return next;
          })
        }
        stepName={(_workflow, step) => names.get(step) ?? step}
        workflowName={() => workflow.name}
      />
      <CoverageSection coverage={coverage.ok ? coverage.coverage : null} problem={null} marked={marked} onMarkedChange={setMarked} />
    </div>
  );
}

const meta = {
  title: 'Simulation/DebuggerPanel',
  component: DebuggerPanel,
} satisfies Meta<typeof DebuggerPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A breakpoint on "Wait 24h" and one stop reason; coverage of "the contact writes again": 2 of 4 steps, 2 of 4 paths. */
export const BreakpointList_: Story = {
  name: 'Breakpoint list',
  args: { initial: { steps: [{ workflow: 'follow-up', step: 'wait' }], anyStop: false, stopReasons: ['incoming_message'] }, onChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Breakpoints' })).toHaveTextContent('Pause when a run enters Wait 24h');
    // Each reason in the words the stop settings use.
    const reasons = within(canvas.getByRole('group', { name: 'Pause when a run stops because of' }));
    await expect(reasons.getAllByRole('checkbox')).toHaveLength(6);
    for (const name of ['Manual stop', 'Outgoing messages', 'Incoming messages', 'Manual assignment', 'Workflow updated', 'Step removed']) await expect(reasons.getByRole('checkbox', { name })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Incoming messages' })).toBeChecked();
    await expect(canvas.getByText(/^Coverage: 2 of 4 steps, 2 of 4 paths/)).toBeVisible();
    await expect(canvas.getByText('Never reached: Follow-up, End')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Pause when any run stops' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ steps: [{ workflow: 'follow-up', step: 'wait' }], anyStop: true, stopReasons: ['incoming_message'] });
    // Any stop covers every reason: the reasons wait, greyed, until it is off again.
    await expect(canvas.getByRole('checkbox', { name: 'Incoming messages' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Pause when any run stops' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ steps: [{ workflow: 'follow-up', step: 'wait' }], anyStop: false, stopReasons: ['incoming_message'] });
    await expect(canvas.getByRole('button', { name: 'Remove the breakpoint on Wait 24h' })).toBeVisible();
  },
};
