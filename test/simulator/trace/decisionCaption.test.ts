import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import { decisionCaption } from '../../../simulator/trace/decisionCaption.ts';
import type { TraceNames } from '../../../simulator/trace/describeEntry.ts';

const names: TraceNames = {
  workflow: (id) => `"${id === 'nurture' ? 'Lead nurture' : id}"`,
  step: (_workflow, step) => `"${step === 'wait' ? 'Wait 24h' : step}"`,
  user: (id) => id,
  contact: (id) => (id === 'dana' ? 'Dana' : id),
};

const entry = (seq: number, t: number, fields: Omit<TraceEntry, 'seq' | 't' | 'contact'>): TraceEntry => ({ seq, t, contact: 'dana', ...fields });

/** Dana writes in (the run starts and sends, a timer is set), then writes again an hour later: the run stops. */
const trace: TraceEntry[] = [
  entry(0, 0, { kind: 'event', event: 'contact.message', text: 'Hi' }),
  entry(1, 0, { kind: 'run.started', workflow: 'nurture', run: 1 }),
  entry(2, 0, { kind: 'message.sent', workflow: 'nurture', run: 1, step: 'send', text: 'Welcome' }),
  entry(3, 0, { kind: 'timer.set', workflow: 'nurture', run: 1, step: 'wait', due: 86_400_000 }),
  entry(4, 3_600_000, { kind: 'event', event: 'contact.message', text: 'Thanks' }),
  entry(5, 3_600_000, { kind: 'run.stopped', workflow: 'nurture', run: 1, step: 'wait', reason: 'incoming_message' }),
  entry(6, 3_600_000, { kind: 'timer.cancelled', workflow: 'nurture', run: 1, step: 'wait', due: 86_400_000 }),
];

describe('decisionCaption', () => {
  it('is null before any decision', () => {
    expect(decisionCaption(trace.slice(0, 1), 0, names)).toBeNull();
    expect(decisionCaption([], 0, names)).toBeNull();
  });

  it('says the latest decision up to the instant in the engine’s sentence, with the event at that instant that caused it', () => {
    const caption = decisionCaption(trace, 0, names);
    expect(caption).toEqual({ cause: 'Dana writes "Hi"', decision: 'Timer set for +1d ("Wait 24h")', stop: false, t: 0 });
  });

  it('tells of the stop and what caused it, skipping the entries that are no decision (a cancelled timer)', () => {
    const caption = decisionCaption(trace, 3_600_000, names);
    expect(caption?.stop).toBe(true);
    expect(caption?.cause).toBe('Dana writes "Thanks"');
    expect(caption?.decision).toMatch(/^Workflow "Lead nurture" stopped: /);
    expect(caption?.decision).not.toBe('Workflow "Lead nurture" stopped: ');
  });

  it('ignores entries after the instant, and an event at another instant is no cause', () => {
    const later = [...trace.slice(0, 4), entry(4, 3_600_000, { kind: 'run.stopped', workflow: 'nurture', run: 1, step: 'wait', reason: 'incoming_message' })];
    expect(decisionCaption(later, 1000, names)?.stop).toBe(false);
    expect(decisionCaption(later, 3_600_000, names)?.cause).toBeNull();
  });
});
