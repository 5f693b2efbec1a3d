import { describe, expect, it } from 'vitest';
import type { CompareRun } from '../../../../../simulator/schema/compare.ts';
import { describeCompareRun } from '../../../../../src/screens/simulation/compare/describeCompareRun.ts';
import { ms } from '../../../../harness/simulationHarness.ts';

const base: CompareRun = {
  run: 0,
  contact: { id: 'omar', name: 'Omar' },
  workflow: { id: 'follow-up', name: '24h follow-up' },
  status: 'paused',
  reason: 'outgoing_message',
  atStep: { id: 'wait', label: 'Wait 24h' },
  startedAt: 0,
  at: ms('+45m'),
};

describe('describeCompareRun: a paused run', () => {
  it('says where and since when it is held, what its timer had left and when it resumes', () => {
    expect(describeCompareRun({ ...base, remaining: ms('+23h15m'), resumesAt: ms('+2h45m') })).toEqual({
      outcome: 'Paused',
      where: 'at Wait 24h, +45m (23h15m left, resumes +2h45m)',
      why: 'outgoing message',
    });
  });

  it('resumes when the conversation is closed when the engine gives no instant; a wait for a reply has no time left to say', () => {
    expect(describeCompareRun(base).where).toBe('at Wait 24h, +45m (resumes when the conversation is closed)');
  });
});

describe('describeCompareRun: a run that paused and went on', () => {
  it('says so after where it ended, since its end alone looks like a run that never paused', () => {
    const completed: CompareRun = { ...base, status: 'completed', reason: undefined, atStep: { id: 'end', label: 'End' }, at: ms('+26h'), pauses: 1 };
    expect(describeCompareRun(completed)).toEqual({ outcome: 'Completed', where: 'at End, +1d2h (after a pause)', why: '' });
    expect(describeCompareRun({ ...completed, pauses: 3 }).where).toBe('at End, +1d2h (after 3 pauses)');
    expect(describeCompareRun({ ...base, status: 'stopped', reason: 'incoming_message', at: ms('+5h'), pauses: 1 })).toEqual({
      outcome: 'Stopped',
      where: 'at Wait 24h, +5h (after a pause)',
      why: 'incoming message',
    });
    const { pauses: _never, ...neverPaused } = completed;
    expect(describeCompareRun(neverPaused).where).toBe('at End, +1d2h');
  });
});
