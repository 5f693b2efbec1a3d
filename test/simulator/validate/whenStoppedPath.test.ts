import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { buildWorkflow, exitOn, nurtureWorkflow, steps, type SettingsInput } from '../../harness/workflowFixtures.ts';

const problems = (workflow: ReturnType<typeof buildWorkflow>) => validateWorkflow(workflow).map(({ code, stepId, path, message }) => ({ code, stepId, path, message }));

/** A Workflow whose When stopped path is `ws` → each of `pathSteps` in a chain. */
function withPath(pathSteps: ReturnType<typeof steps.send>[], extra: { steps?: ReturnType<typeof steps.send>[]; edges?: string[] } = {}) {
  const ids = pathSteps.map((step) => step.id);
  return buildWorkflow({
    whenStopped: { id: 'ws' },
    steps: [steps.send('hello', 'Hello'), steps.wait('wait', '1d'), ...pathSteps, ...(extra.steps ?? [])],
    edges: ['trigger>hello', 'hello>wait', ...ids.map((id, i) => `${i === 0 ? 'ws' : ids[i - 1]}>${id}`), ...(extra.edges ?? [])],
    settings: exitOn(['incoming_message'], true),
  });
}

describe('validateWorkflow: the When stopped path', () => {
  it('finds nothing wrong with a path of the allowed steps', () => {
    expect(problems(nurtureWorkflow())).toEqual([]);
  });

  it.each([
    ['a Wait', steps.wait('later', '1h'), 'Wait'],
    ['an Ask a question', steps.ask('ask', 'Why?', 'why'), 'Ask a question'],
    ['a Jump to', steps.jump('back', 'hello'), 'Jump to'],
  ])('names %s on the path, at its step', (_what, step, kind) => {
    const found = problems(withPath([steps.send('bye', 'Bye'), step]));
    expect(found).toContainEqual({ code: 'not_allowed_when_stopped', stepId: step.id, path: ['steps', 3], message: `"${step.id}" cannot be on the When stopped path: it runs in the instant of the stop, so nothing on it may wait or jump (${kind})` });
  });

  it('names a step the path reaches through a Branch, not only the first', () => {
    const branch = steps.branch('vip', [{ id: 'yes', label: 'Yes', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }]);
    const workflow = withPath([branch], { steps: [steps.send('vip-bye', 'Bye'), steps.wait('nap', '1h')], edges: ['vip:yes>vip-bye', 'vip:else>nap'] });
    expect(problems(workflow).map((problem) => [problem.code, problem.stepId])).toEqual([['not_allowed_when_stopped', 'nap']]);
  });

  it('names a Stop reason branch off the path, at its step; with no When stopped entry it says there is none', () => {
    const onTrigger = withPath([steps.send('bye', 'Bye')], { steps: [steps.stopReasonBranch('why')], edges: ['wait>why'] });
    expect(problems(onTrigger)).toEqual([
      { code: 'only_when_stopped', stepId: 'why', path: ['steps', 3], message: '"Why stopped?" works only on the When stopped path, where the run has stopped; connect it there' },
    ]);
    const none = buildWorkflow({ steps: [steps.stopReasonBranch('why')], edges: ['trigger>why'] });
    expect(problems(none)).toEqual([{ code: 'only_when_stopped', stepId: 'why', path: ['steps', 0], message: '"Why stopped?" works only on a When stopped path, and this Workflow has none' }]);
  });

  it('names an unreachable step of a Workflow with a When stopped entry, reachable from neither entry', () => {
    const workflow = withPath([steps.send('bye', 'Bye')], { steps: [steps.comment('lost', 'Nobody gets here')] });
    expect(problems(workflow)).toEqual([{ code: 'unreachable', stepId: 'lost', path: ['steps', 3], message: '"lost" cannot be reached from the trigger or the When stopped entry' }]);
  });

  it('refuses an edge into the When stopped entry and an id it shares with a step', () => {
    const into = withPath([steps.send('bye', 'Bye')], { edges: ['wait>ws'] });
    expect(problems(into).map((problem) => [problem.code, problem.message])).toContainEqual(['edge_into_trigger', 'Nothing can lead into the When stopped entry']);
    const shared = { ...withPath([steps.send('bye', 'Bye')]), whenStopped: { id: 'hello', label: '' } };
    expect(problems(shared)).toContainEqual(expect.objectContaining({ code: 'duplicate_id', stepId: 'hello', message: 'Two nodes share the id "hello"' }));
  });
});

describe('validateWorkflow: a paused run must have a way back', () => {
  const pausing = (pause?: SettingsInput['pause']) =>
    ({
      manualStop: false,
      exitConditions: { enabled: true, on: ['incoming_message', 'outgoing_message'], actions: { outgoing_message: 'pause', incoming_message: 'stop' } },
      ...(pause ? { pause } : {}),
    }) as SettingsInput;
  const workflow = (settings: SettingsInput) => buildWorkflow({ steps: [steps.send('hi', 'Hi')], edges: ['trigger>hi'], settings });

  it('refuses a condition set to Pause without a resume rule, at the rule, naming the condition', () => {
    expect(problems(workflow(pausing()))).toEqual([
      {
        code: 'pause_without_resume',
        stepId: undefined,
        path: ['settings', 'pause', 'resume'],
        message: 'Outgoing messages pauses the run, but nothing says when it resumes: choose after how long without a message from your team, or when the conversation is closed',
      },
    ]);
  });

  it('accepts it with either resume rule, and ignores a Pause on a condition that is not chosen', () => {
    expect(problems(workflow(pausing({ resume: { on: 'silence', after: '2h' } })))).toEqual([]);
    expect(problems(workflow(pausing({ resume: { on: 'conversation_closed' } })))).toEqual([]);
    const unchosen = { manualStop: false, exitConditions: { enabled: true, on: ['incoming_message'], actions: { outgoing_message: 'pause' } } } as SettingsInput;
    expect(problems(workflow(unchosen))).toEqual([]);
  });
});
