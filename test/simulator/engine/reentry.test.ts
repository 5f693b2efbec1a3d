import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { exitOn, followUpWorkflow, type SettingsInput } from '../../harness/workflowFixtures.ts';

const withAfterStop = (afterStop: Record<string, unknown>): SettingsInput => ({ ...exitOn(['incoming_message'], true), afterStop } as SettingsInput);

/** Dana writes at +0 (a run starts), again at +2h (it stops: incoming message), then at each of `later`. */
function stoppedThenWrites(settings: SettingsInput, ...later: string[]) {
  let script = harness(followUpWorkflow(settings)).user('alice').at('+0').contactSays('Hi').at('+2h').contactSays('Stop');
  for (const at of later) script = script.at(at).contactSays(`Again at ${at}`);
  return script.run();
}

describe('re-entry after a stop', () => {
  it('allow (and no rule): the next trigger after the stop starts a run, as rule 5 of a stop alone says', () => {
    for (const settings of [exitOn(['incoming_message']), withAfterStop({ reentry: 'allow' })]) {
      const result = stoppedThenWrites(settings, '+3h');
      expect(result.runs().map((run) => [run.status, run.startedAt])).toEqual([
        ['stopped', 0],
        ['completed', ms('+3h')],
      ]);
    }
  });

  it('never: a contact whose run was stopped is never started again, and the trace says when it stopped and why', () => {
    const result = stoppedThenWrites(withAfterStop({ reentry: 'never' }), '+3h', '+300d');
    expect(result.runs()).toHaveLength(1);
    const ignored = result.entries({ kind: 'trigger.ignored' });
    expect(ignored.map((entry) => [entry.t, entry.reason, entry.stopReason, entry.stoppedAt, entry.liftsAt])).toEqual([
      [ms('+2h'), 'stopped_by_this_event', undefined, undefined, undefined],
      [ms('+3h'), 'reentry_never', 'incoming_message', ms('+2h'), undefined],
      [ms('+300d'), 'reentry_never', 'incoming_message', ms('+2h'), undefined],
    ]);
    expect(describeEntry(ignored[1] as (typeof ignored)[number], traceNames(result.simulation))).toBe(
      'Trigger of Follow-up ignored: stopped by incoming message at +2h; never starts again for this contact',
    );
  });

  it('after: a trigger is ignored until the wait has passed since the stop, and starts a run from that instant on', () => {
    const result = stoppedThenWrites(withAfterStop({ reentry: 'after', wait: '7d' }), '+3h', '+7d1h59m59s', '+7d2h');
    const ignored = result.entries({ kind: 'trigger.ignored', reason: 'reentry_wait' });
    expect(ignored.map((entry) => [entry.t, entry.liftsAt])).toEqual([
      [ms('+3h'), ms('+7d2h')],
      [ms('+7d1h59m59s'), ms('+7d2h')],
    ]);
    expect(describeEntry(ignored[0] as (typeof ignored)[number], traceNames(result.simulation))).toBe(
      'Trigger of Follow-up ignored: stopped by incoming message at +2h; may start again from +7d2h',
    );
    expect(result.runs().map((run) => run.startedAt)).toEqual([0, ms('+7d2h')]);
  });

  it('reasons: the rule applies only to stops of the listed reasons', () => {
    const manualOnly = withAfterStop({ reentry: 'never', reasons: ['manual'] });
    expect(stoppedThenWrites(manualOnly, '+3h').runs()).toHaveLength(2);
    const byHand = harness(followUpWorkflow(manualOnly)).user('alice').at('+0').contactSays('Hi').at('+1h').stop('alice', 'Follow-up').at('+3h').contactSays('Again').run();
    expect(byHand.runs()).toHaveLength(1);
    expect(byHand.entry({ kind: 'trigger.ignored', t: ms('+3h') })).toMatchObject({ reason: 'reentry_never', stopReason: 'manual', stoppedAt: ms('+1h') });
    expect(describeEntry(byHand.entry({ kind: 'trigger.ignored', t: ms('+3h') }), traceNames(byHand.simulation))).toMatch(/stopped by hand at \+1h; never starts/);
  });

  it('a run that completed is never blocked by it', () => {
    const result = harness(followUpWorkflow(withAfterStop({ reentry: 'never' }))).at('+0').contactSays('Hi').at('+2d').contactSays('Hello again').run();
    expect(result.runs().map((run) => [run.status, run.startedAt])).toEqual([
      ['completed', 0],
      ['completed', ms('+2d')],
    ]);
  });

  it('a shortcut is a trigger too: refused the same way', () => {
    const shortcut = followUpWorkflow({ ...withAfterStop({ reentry: 'after', wait: '1d' }) }, { trigger: { id: 'trigger', type: 'shortcut' } });
    const result = harness(shortcut).user('alice').at('+0').shortcut('alice', 'Follow-up').at('+1h').stop('alice', 'Follow-up').at('+2h').shortcut('alice', 'Follow-up').run();
    expect(result.entry({ kind: 'trigger.ignored' })).toMatchObject({ t: ms('+2h'), reason: 'reentry_wait', user: 'alice', liftsAt: ms('+1d1h') });
  });
});
