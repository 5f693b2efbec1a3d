import { describe, expect, it } from 'vitest';
import { runOnCanvas } from '../../../simulator/trace/nodeRunStates.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { followUpWorkflow, pauseOn, questionWorkflow } from '../../harness/workflowFixtures.ts';

type Result = ReturnType<ReturnType<typeof harness>['run']>;

function canvasOf(result: Result) {
  const workflow = result.workflows[0];
  if (!workflow) throw new Error('no Workflow');
  const canvas = runOnCanvas(workflow, result.runs(), result.trace);
  if (!canvas) throw new Error('no run on the canvas');
  return canvas;
}

/** Follow-up (greet, wait 24h, follow-up) pausing on an agent's message; Alice writes at +1h. */
const agentWritesAtOneHour = (settings = pauseOn(['outgoing_message'])) =>
  harness(followUpWorkflow(settings)).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'I am on it');

describe('runOnCanvas: a paused run', () => {
  it('is paused at its Wait since the pause, with the reason, the time its timer had left and when it resumes', () => {
    const canvas = canvasOf(agentWritesAtOneHour().until('+2h').run());
    expect(canvas.steps.get('wait-24h')).toEqual({
      kind: 'paused',
      since: ms('+1h'),
      reason: 'outgoing_message',
      waitingFor: 'timer',
      remaining: ms('+23h'),
      resumesAt: ms('+3h'),
    });
  });

  it('cancels nothing after it: the steps it has not reached are untouched, as it will go on', () => {
    const canvas = canvasOf(agentWritesAtOneHour().until('+2h').run());
    expect([...canvas.steps.values()].filter((state) => state.kind === 'cancelled')).toEqual([]);
    expect(canvas.steps.has('check-in')).toBe(false);
    expect(canvas.path).toEqual([
      ['trigger', 'greet'],
      ['greet', 'wait-24h'],
    ]);
  });

  it('moves the resume instant when the team writes again while paused', () => {
    const canvas = canvasOf(agentWritesAtOneHour().at('+2h').agentSays('alice', 'Still here').until('+3h').run());
    expect(canvas.steps.get('wait-24h')).toMatchObject({ kind: 'paused', since: ms('+1h'), remaining: ms('+23h'), resumesAt: ms('+4h') });
  });

  it('has no resume instant when it resumes on the conversation closing', () => {
    const canvas = canvasOf(agentWritesAtOneHour(pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } })).until('+5h').run());
    const state = canvas.steps.get('wait-24h');
    expect(state).toMatchObject({ kind: 'paused', remaining: ms('+23h') });
    expect(state).not.toHaveProperty('resumesAt');
  });

  it('is active again once it resumed, its timer due at the time it had left after the resume', () => {
    const canvas = canvasOf(agentWritesAtOneHour().until('+4h').run());
    expect(canvas.steps.get('wait-24h')).toMatchObject({ kind: 'active', waitingFor: 'timer', due: ms('+3h') + ms('+23h') });
  });

  it('paused at an open question waits for a reply', () => {
    const result = harness(questionWorkflow(pauseOn(['outgoing_message'])))
      .user('alice')
      .at('+0')
      .contactSays('Hi')
      .at('+10m')
      .agentSays('alice', 'Let me help')
      .until('+1h')
      .run();
    const paused = [...canvasOf(result).steps.values()].find((state) => state.kind === 'paused');
    expect(paused).toMatchObject({ kind: 'paused', since: ms('+10m'), reason: 'outgoing_message', waitingFor: 'reply' });
  });
});
