import { describe, expect, it } from 'vitest';
import { describeHit } from '../../../../../src/screens/simulation/debug/describeHit.ts';

const names = { step: (_workflow: string, step: string) => (step === 'wait' ? 'Wait 24h' : step), contact: (id: string) => (id === 'dana' ? 'Dana' : id) };
const base = { seq: 7, t: 3_600_000, workflow: 'follow-up', step: 'wait', contact: 'dana', run: 0 };

describe('describeHit', () => {
  it('says which step breakpoint paused, for whom and when', () => {
    expect(describeHit({ ...base, kind: 'step', by: 'step' }, names)).toBe('Paused at the breakpoint on Wait 24h (Dana, +1h)');
  });

  it('says a stop that paused, with its reason in the trace’s words', () => {
    expect(describeHit({ ...base, kind: 'run.stopped', by: 'stop_reason', reason: 'incoming_message' }, names)).toBe('Paused: Dana’s run stopped at Wait 24h (incoming message, +1h)');
    expect(describeHit({ ...base, kind: 'run.stopped', by: 'any_stop' }, names)).toBe('Paused: Dana’s run stopped at Wait 24h (+1h)');
  });
});
