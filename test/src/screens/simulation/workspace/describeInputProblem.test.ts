import { describe, expect, it } from 'vitest';
import { describeInputProblem } from '../../../../../src/screens/simulation/workspace/describeInputProblem.ts';
import { followUpWorkflow } from '../../../../harness/workflowFixtures.ts';

describe('describeInputProblem', () => {
  const workflows = [followUpWorkflow(), followUpWorkflow(undefined, { id: 'reminder', name: 'Reminder' })];

  it('names the Workflow a problem is in, so the same problem in two Workflows reads as two lines', () => {
    const problem = { path: '$.settings.pause.resume', message: 'nothing says when it resumes' };
    expect([0, 1].map((index) => describeInputProblem({ source: 'workflow', index, ...problem }, workflows, 'Script'))).toEqual([
      'Workflow "Follow-up", $.settings.pause.resume: nothing says when it resumes',
      'Workflow "Reminder", $.settings.pause.resume: nothing says when it resumes',
    ]);
  });

  it('names the script, and a Workflow not loaded by its number', () => {
    expect(describeInputProblem({ source: 'script', index: 0, path: '$.events[2].at', message: 'bad offset' }, workflows, 'Hand-back')).toBe('Script "Hand-back", $.events[2].at: bad offset');
    expect(describeInputProblem({ source: 'workflow', index: 5, path: '$', message: 'x' }, workflows, 'S')).toBe('Workflow "number 6", $: x');
  });
});
