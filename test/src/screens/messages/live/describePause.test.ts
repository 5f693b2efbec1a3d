import { describe, expect, it } from 'vitest';
import { describePause } from '../../../../../src/screens/messages/live/describePause.ts';
import type { OngoingRun, RunPause } from '../../../../../src/screens/messages/live/ongoingRuns.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Hand-back's Wait 24h, paused at +1h by an agent's message with 23h left on its timer. */
function paused(pause: Partial<RunPause> = {}, run: Partial<OngoingRun> = {}): OngoingRun & { pause: RunPause } {
  return {
    run: 0,
    workflowId: 'hand-back',
    workflowName: 'Hand-back',
    stepLabel: 'Wait 24h',
    since: 0,
    waitingFor: 'timer',
    due: undefined,
    manualStop: true,
    ...run,
    pause: { reason: 'outgoing_message', pausedAt: HOUR, resume: { on: 'silence', after: '2h' }, resumesAt: 3 * HOUR, remaining: 23 * HOUR, ...pause },
  };
}

describe('describePause', () => {
  it('says the Workflow’s rule, the time left until the resume by the session’s clock, the condition and the frozen timer', () => {
    expect(describePause(paused(), HOUR + 30 * MINUTE)).toEqual({
      headline: 'Paused — resumes after 2h without a message from your team',
      resumes: 'In 1h30m, if your team stays quiet',
      pausedBy: 'Outgoing messages',
      waitsFor: 'Wait 24h, with 23h left when it resumes',
    });
  });

  it('writes the rule’s time as the tab writes spans, and counts down to the instant the engine reported', () => {
    const text = describePause(paused({ resume: { on: 'silence', after: '90m' }, resumesAt: 2 * HOUR + 30 * MINUTE }), 2 * HOUR + 29 * MINUTE);
    expect(text.headline).toBe('Paused — resumes after 1h30m without a message from your team');
    expect(text.resumes).toBe('In 1m, if your team stays quiet');
    expect(describePause(paused(), 3 * HOUR - 1).resumes).toBe('Now, if your team stays quiet');
  });

  it('says a run paused until the conversation is closed has no time to count down', () => {
    const text = describePause(paused({ resume: { on: 'conversation_closed' }, resumesAt: undefined }), 5 * HOUR);
    expect(text.headline).toBe('Paused — resumes when the conversation is closed');
    expect(text.resumes).toBe('When the conversation is closed');
  });

  it('falls back on the engine’s report when the Workflow no longer says how it resumes', () => {
    expect(describePause(paused({ resume: undefined }), HOUR).headline).toBe('Paused — resumes when your team has been quiet long enough');
    expect(describePause(paused({ resume: undefined, resumesAt: undefined }), HOUR).headline).toBe('Paused — resumes when the conversation is closed');
  });

  it('tells an open question from a timer: messages while paused are not its answer', () => {
    expect(describePause(paused({ remaining: 45 * MINUTE }, { stepLabel: 'Ask need', waitingFor: 'reply' }), HOUR).waitsFor).toBe(
      'A reply, or gives up 45m after it resumes: messages while it is paused are not the answer',
    );
    expect(describePause(paused({ remaining: undefined }, { stepLabel: 'Ask need', waitingFor: 'reply' }), HOUR).waitsFor).toBe(
      'A reply, once it resumes: messages while it is paused are not the answer',
    );
    expect(describePause(paused({ reason: undefined }), HOUR).pausedBy).toBeUndefined();
  });
});
