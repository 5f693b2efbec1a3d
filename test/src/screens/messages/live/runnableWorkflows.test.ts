import { describe, expect, it } from 'vitest';
import { runnableWorkflows } from '../../../../../src/screens/messages/live/runnableWorkflows.ts';
import { buildWorkflow, chainWorkflows, exitOn, followUpWorkflow, noExits, steps } from '../../../../harness/workflowFixtures.ts';

/** Exit conditions on with none selected: one problem, and the Workflow cannot run. */
const NONE_SELECTED = { manualStop: false, exitConditions: { enabled: true, on: [] } };

describe('runnableWorkflows', () => {
  it('runs every valid Workflow, and leaves nothing out', () => {
    const [parent, child] = chainWorkflows();
    const followUp = followUpWorkflow(exitOn(['incoming_message']));
    expect(runnableWorkflows([followUp, parent, child])).toEqual({ running: [followUp, parent, child], left: [] });
  });

  it('leaves out an invalid Workflow with how many problems it has', () => {
    const valid = followUpWorkflow(noExits(true));
    const invalid = buildWorkflow({
      id: 'broken',
      name: 'Broken',
      steps: [steps.send('empty', '   '), steps.send('orphan', 'Nobody gets here'), steps.end()],
      edges: ['trigger>empty', 'empty>end'],
      settings: NONE_SELECTED,
    });
    const { running, left } = runnableWorkflows([invalid, valid]);
    expect(running).toEqual([valid]);
    // An empty message, an unreachable step, no exit condition selected.
    expect(left).toEqual([{ workflow: invalid, problems: 3 }]);
  });

  it('leaves out a Workflow that starts one left out, and one that starts that, until nothing more drops', () => {
    // Outer (a contact writes) starts Middle, which starts Inner; Inner is invalid.
    const starter = (id: string, name: string, target: string, trigger: 'incoming_message' | 'workflow_started') =>
      buildWorkflow({
        id,
        name,
        trigger: { id: 'trigger', type: trigger },
        steps: [steps.startWorkflow('start', target), steps.end()],
        edges: ['trigger>start', 'start>end'],
      });
    const outer = starter('outer', 'Outer', 'Middle', 'incoming_message');
    const middle = starter('middle', 'Middle', 'inner', 'workflow_started');
    const inner = followUpWorkflow(NONE_SELECTED, { id: 'inner', name: 'Inner', trigger: { id: 'trigger', type: 'workflow_started' } });
    const unrelated = followUpWorkflow(noExits());
    // Valid together: only Inner's own problem keeps the chain out.
    expect(runnableWorkflows([outer, middle, followUpWorkflow(noExits(), { id: 'inner', name: 'Inner', trigger: { id: 'trigger', type: 'workflow_started' } })]).left).toEqual([]);

    const result = runnableWorkflows([outer, middle, inner, unrelated]);
    expect(result.running).toEqual([unrelated]);
    expect(result.left.map((entry) => [entry.workflow.id, entry.problems])).toEqual([
      ['inner', 1],
      ['middle', 1],
      ['outer', 1],
    ]);
  });

  it('leaves out a Workflow that starts one that is not stored at all', () => {
    const [parent] = chainWorkflows();
    expect(runnableWorkflows([parent])).toEqual({ running: [], left: [{ workflow: parent, problems: 1 }] });
  });
});
