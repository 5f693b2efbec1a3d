import { describe, expect, it } from 'vitest';
import { workflowsToSimulate } from '../../../simulator/graph/workflowsToSimulate.ts';
import { buildWorkflow, steps } from '../../harness/workflowFixtures.ts';

/** A Workflow with `trigger`, whose steps start the Workflows named in `starts`, in a row. */
function workflow(id: string, trigger: 'incoming_message' | 'workflow_started', starts: readonly string[] = []) {
  const startSteps = starts.map((target, i) => steps.startWorkflow(`start-${i}`, target));
  const ids = ['trigger', ...startSteps.map((step) => step.id as string), 'end'];
  return buildWorkflow({
    id,
    name: `${id} name`,
    trigger: { id: 'trigger', type: trigger },
    steps: [...startSteps, steps.end()],
    edges: ids.slice(1).map((to, i) => `${ids[i]}>${to}`),
  });
}

const ids = (list: readonly { id: string }[]) => list.map((candidate) => candidate.id);

describe('the Workflows a simulation of one needs', () => {
  const router = workflow('router', 'incoming_message', ['follow-up name']);
  const followUp = workflow('follow-up', 'workflow_started', ['nudge']);
  const nudge = workflow('nudge', 'workflow_started');
  const other = workflow('other', 'incoming_message');
  const stored = [router, followUp, nudge, other];

  it('is the Workflow and those it starts, by name or id, in turn; the others stay out', () => {
    expect(ids(workflowsToSimulate(router, stored))).toEqual(['router', 'follow-up', 'nudge']);
    expect(ids(workflowsToSimulate(other, stored))).toEqual(['other']);
  });

  it('brings the Workflows that start one whose trigger is "started by another Workflow": without them it never runs', () => {
    expect(ids(workflowsToSimulate(followUp, stored))).toEqual(['follow-up', 'nudge', 'router']);
    expect(ids(workflowsToSimulate(nudge, stored))).toEqual(['nudge', 'follow-up', 'router']);
  });

  it('leaves out the starters of a Workflow that has a trigger of its own', () => {
    const alsoStarted = workflow('greeter', 'incoming_message');
    const starter = workflow('starter', 'incoming_message', ['greeter']);
    expect(ids(workflowsToSimulate(alsoStarted, [alsoStarted, starter]))).toEqual(['greeter']);
  });

  it('follows a reference as the engine does, by id before name', () => {
    // "helper" is one Workflow's id and another's name: the engine starts the first, so only it comes.
    const starter = workflow('starter', 'incoming_message', ['helper']);
    const byId = workflow('helper', 'workflow_started');
    const byName = { ...workflow('impostor', 'workflow_started'), name: 'helper' };
    expect(ids(workflowsToSimulate(starter, [starter, byName, byId]))).toEqual(['starter', 'helper']);
    expect(ids(workflowsToSimulate(byName, [starter, byName, byId]))).toEqual(['impostor']);
  });
});
