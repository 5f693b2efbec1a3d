import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../../simulator/schema/outcomeDiff.ts';
import { describeRunOutcome } from '../../../../src/parts/outcomeDiff/describeRunOutcome.ts';

const HOUR = 3_600_000;
const run = (outcome: Partial<RunOutcome> & Pick<RunOutcome, 'status'>): RunOutcome => ({ run: 0, startedAt: 0, sent: [], ...outcome });
const wait = { id: 'wait', label: 'Wait 24h' };

describe('describeRunOutcome', () => {
  it('says a stop with its step, time and the engine’s reason', () => {
    expect(describeRunOutcome(run({ status: 'stopped', reason: 'incoming_message', atStep: wait, at: 3 * HOUR }))).toEqual({
      outcome: 'Stopped',
      where: 'at Wait 24h, +3h',
      why: 'incoming message',
    });
  });

  it('names who stopped a run by hand', () => {
    expect(describeRunOutcome(run({ status: 'stopped', reason: 'manual', stoppedBy: { id: 'alice', name: 'Alice' }, atStep: wait, at: HOUR })).why).toBe('by Alice');
  });

  it('words the reasons a publish gives as the engine does', () => {
    expect(describeRunOutcome(run({ status: 'stopped', reason: 'step_removed', atStep: wait, at: HOUR })).why).toBe('moved to a new version of the Workflow that no longer has its step');
    expect(describeRunOutcome(run({ status: 'stopped', reason: 'workflow_updated', atStep: wait, at: HOUR })).why).toContain('a new version of the Workflow was published');
  });

  it('says where a run still waits and when it is due', () => {
    expect(describeRunOutcome(run({ status: 'active', atStep: wait, due: 24 * HOUR }))).toEqual({ outcome: 'Still waiting', where: 'at Wait 24h (due +1d)', why: '' });
  });

  it('says completed, failed and paused runs with their step', () => {
    expect(describeRunOutcome(run({ status: 'completed', atStep: { id: 'done', label: 'End' }, at: 2 * HOUR }))).toEqual({ outcome: 'Completed', where: 'at End, +2h', why: '' });
    expect(describeRunOutcome(run({ status: 'failed', reason: 'loop', atStep: wait, at: 0 })).outcome).toBe('Failed');
    expect(describeRunOutcome(run({ status: 'paused', reason: 'outgoing_message', atStep: wait, at: HOUR })).outcome).toBe('Paused');
  });

  it('says a run that exists on the other side only is no run', () => {
    expect(describeRunOutcome(null)).toEqual({ outcome: 'No run', where: '', why: '' });
  });
});
