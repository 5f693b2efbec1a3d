import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../../simulator/validate/validateWorkflow.ts';
import { problemText, stepPlaces } from '../../../../src/screens/builder/problemText.ts';
import { buildWorkflow, steps } from '../../../harness/workflowFixtures.ts';

/** Two steps dropped from the palette keep its name, "Send message", and neither has text yet. */
const twoAlike = buildWorkflow({
  name: 'Two alike',
  steps: [steps.send('greet', 'Hi', 'Greeting'), steps.send('send-message-1', '', 'Send message'), steps.send('send-message-2', '', 'Send message')],
  edges: ['trigger>greet', 'greet>send-message-1', 'send-message-1>send-message-2'],
});

describe('problemText: which step a problem is about, when names repeat (issue 14)', () => {
  it('adds the place of each step that shares its name, and nothing to a name of its own', () => {
    const problems = validateWorkflow(twoAlike);
    const places = stepPlaces(twoAlike);
    expect(problems.map((problem) => problemText(problem, places))).toEqual(['"Send message" has no message text (step 2)', '"Send message" has no message text (step 3)']);
    expect(places.has('greet')).toBe(false);
  });

  it('leaves the validator’s message as it is when every step has its own name', () => {
    const renamed = { ...twoAlike, steps: twoAlike.steps.map((step) => (step.id === 'send-message-2' ? { ...step, label: 'Follow-up' } : step)) };
    const problems = validateWorkflow(renamed);
    expect(problems.map((problem) => problemText(problem, stepPlaces(renamed)))).toEqual(problems.map((problem) => problem.message));
  });

  it('counts an unlabelled step by its id, as the validator names it', () => {
    const unlabelled = buildWorkflow({ name: 'Unlabelled', steps: [steps.send('a', '', ''), steps.send('b', '', 'a')], edges: ['trigger>a', 'a>b'] });
    expect([...stepPlaces(unlabelled)]).toEqual([
      ['a', 'step 1'],
      ['b', 'step 2'],
    ]);
  });
});
