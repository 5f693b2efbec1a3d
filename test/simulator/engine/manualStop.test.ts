import { describe, expect, it } from 'vitest';
import { decideManualStop, type ManualStopRequest } from '../../../simulator/engine/manualStop.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { StopRefusedReason, TraceEntry } from '../../../simulator/schema/trace.ts';
import { harness, ms, type HarnessRun, type SimulationHarness } from '../../harness/simulationHarness.ts';
import { exitOn, followUpWorkflow, noExits, type SettingsInput } from '../../harness/workflowFixtures.ts';

const GREETING = 'Thanks for writing, Dana!';
const FOLLOW_UP = 'Still interested?';

const allowing: WorkflowSettings = { manualStop: true, exitConditions: { enabled: false, on: [] } };
const forbidding: WorkflowSettings = { manualStop: false, exitConditions: { enabled: false, on: [] } };

describe('decideManualStop', () => {
  it.each<[string, ManualStopRequest, { allow: true } | { allow: false; reason: StopRefusedReason }]>([
    ['an unrestricted user stops an active run', { user: { restricted: false }, settings: allowing, run: 'active' }, { allow: true }],
    ['a restricted user is refused', { user: { restricted: true }, settings: allowing, run: 'active' }, { allow: false, reason: 'restricted_user' }],
    ['a Workflow without manual stop refuses', { user: { restricted: false }, settings: forbidding, run: 'active' }, { allow: false, reason: 'manual_stop_off' }],
    ['a stopped run is already stopped', { user: { restricted: false }, settings: allowing, run: 'stopped' }, { allow: false, reason: 'already_stopped' }],
    ['no run, nothing to stop', { user: { restricted: false }, settings: allowing, run: 'none' }, { allow: false, reason: 'no_active_run' }],
    ['the user restriction is checked first', { user: { restricted: true }, settings: forbidding, run: 'none' }, { allow: false, reason: 'restricted_user' }],
    ['then the Workflow setting', { user: { restricted: false }, settings: forbidding, run: 'stopped' }, { allow: false, reason: 'manual_stop_off' }],
  ])('%s', (_name, request, decision) => {
    expect(decideManualStop(request)).toEqual(decision);
  });

  it('exit conditions have no say in a manual stop', () => {
    const withExits: WorkflowSettings = { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } };
    expect(decideManualStop({ user: { restricted: false }, settings: withExits, run: 'active' })).toEqual({ allow: true });
  });
});

/** Dana writes at +0 and Dana's "Follow-up" run waits 24h; `rest` scripts what happens next. */
function scenario(settings: SettingsInput, rest: (h: SimulationHarness) => SimulationHarness = (h) => h): SimulationHarness {
  return rest(
    harness(followUpWorkflow(settings))
      .user('alice')
      .user('bob', { role: 'manager' })
      .user('rita', { restricted: true })
      .at('+0')
      .contactSays('Hi, pricing?'),
  );
}

/** The trace without `seq`, and without the entries a refused stop adds. */
function withoutRefusedStop(result: HarnessRun): Omit<TraceEntry, 'seq'>[] {
  return result.trace
    .filter((e) => !(e.kind === 'event' && e.event === 'workflow.stop') && e.kind !== 'stop.refused')
    .map(({ seq: _seq, ...rest }) => rest);
}

describe('Manual stop in the Simulation', () => {
  it('an allowed stop stops the run, with reason manual, who and when', () => {
    const result = scenario(noExits(true), (h) => h.at('+1h').stop('alice', 'Follow-up')).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'manual', stoppedBy: 'alice', endedAt: ms('+1h'), atStep: 'wait-24h' });
    expect(result.entry({ kind: 'run.stopped' })).toMatchObject({ t: ms('+1h'), run: 0, reason: 'manual', user: 'alice' });
    expect(result.entry({ kind: 'timer.cancelled' })).toMatchObject({ t: ms('+1h'), run: 0, due: ms('+24h') });
    expect(result.entries({ kind: 'timer.fired' })).toEqual([]);
    expect(result.sent()).toEqual([GREETING]);
  });

  it('names the Workflow by id as well as by name', () => {
    const result = scenario(noExits(true), (h) => h.at('+1h').stop('bob', 'follow-up')).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'manual', stoppedBy: 'bob' });
  });

  it('stops only that contact’s run', () => {
    const result = scenario(noExits(true), (h) => h.as('omar').contactSays('Hello').as('dana').at('+1h').stop('alice', 'Follow-up')).run();
    expect(result.runOf('Follow-up', 'dana').status).toBe('stopped');
    expect(result.runOf('Follow-up', 'omar').status).toBe('completed');
    expect(result.sent('omar')).toContain(FOLLOW_UP);
  });

  it('also works while exit conditions are on, and the manual stop is the one reason recorded', () => {
    const result = scenario(exitOn(['incoming_message'], true), (h) => h.at('+1h').stop('alice', 'Follow-up').at('+2h').contactSays('Hello?')).run();
    expect(result.runs()[0]).toMatchObject({ status: 'stopped', reason: 'manual', stoppedBy: 'alice', endedAt: ms('+1h') });
    expect(result.entries({ kind: 'run.stopped', run: 0 })).toHaveLength(1);
  });

  describe.each<[string, SettingsInput, string, StopRefusedReason]>([
    ['a restricted user', noExits(true), 'rita', 'restricted_user'],
    ['a Workflow with manual stop off', noExits(false), 'alice', 'manual_stop_off'],
    ['a restricted user on a Workflow with manual stop off', noExits(false), 'rita', 'restricted_user'],
  ])('refused for %s: nothing changes', (_name, settings, user, reason) => {
    const without = scenario(settings).run();
    const withStop = scenario(settings, (h) => h.at('+1h').stop(user, 'Follow-up')).run();

    it(`records stop.refused (${reason}) on the run`, () => {
      expect(withStop.entry({ kind: 'stop.refused' })).toMatchObject({ t: ms('+1h'), run: 0, workflow: 'follow-up', user, reason, step: 'wait-24h' });
    });

    it('the run goes on: still waiting after the refusal, its timer fires, it completes', () => {
      expect(withStop.runOf('Follow-up')).toEqual(without.runOf('Follow-up'));
      expect(withStop.runOf('Follow-up')).toMatchObject({ status: 'completed', endedAt: ms('+24h') });
      expect(withStop.entries({ kind: 'run.stopped' })).toEqual([]);
      expect(withStop.entry({ kind: 'timer.fired' })).toMatchObject({ t: ms('+24h'), run: 0 });
      expect(withStop.sent()).toEqual(without.sent());
      expect(withStop.sent()).toEqual([GREETING, FOLLOW_UP]);
    });

    it('the trace differs from the one without the stop only by the event and the stop.refused entry', () => {
      expect(withStop.trace).toHaveLength(without.trace.length + 2);
      expect(withoutRefusedStop(withStop)).toEqual(withoutRefusedStop(without));
    });

    it('a run still active after a refused stop is really active (checked at the refusal instant)', () => {
      const paused = scenario(settings, (h) => h.at('+1h').stop(user, 'Follow-up').until('+1h')).run();
      expect(paused.runOf('Follow-up')).toMatchObject({ status: 'active', waitingFor: 'timer', due: ms('+24h') });
    });
  });

  it('is idempotent: a second stop is refused as already_stopped, and the run keeps its first stopper', () => {
    const once = scenario(noExits(true), (h) => h.at('+1h').stop('alice', 'Follow-up')).run();
    const twice = scenario(noExits(true), (h) => h.at('+1h').stop('alice', 'Follow-up').at('+2h').stop('bob', 'Follow-up')).run();
    expect(twice.runs()).toEqual(once.runs());
    expect(twice.runOf('Follow-up')).toMatchObject({ stoppedBy: 'alice', endedAt: ms('+1h') });
    expect(twice.entries({ kind: 'run.stopped' })).toHaveLength(1);
    expect(twice.entry({ kind: 'stop.refused' })).toMatchObject({ t: ms('+2h'), run: 0, user: 'bob', reason: 'already_stopped' });
    expect(withoutRefusedStop(twice)).toEqual(withoutRefusedStop(once));
  });

  it('a stop of a run an exit condition already stopped is already_stopped, and names nobody', () => {
    const result = scenario(exitOn(['incoming_message'], true), (h) => h.at('+1h').contactSays('More').at('+2h').stop('alice', 'Follow-up')).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'incoming_message', endedAt: ms('+1h') });
    expect(result.runOf('Follow-up').stoppedBy).toBeUndefined();
    expect(result.entry({ kind: 'stop.refused' })).toMatchObject({ reason: 'already_stopped', user: 'alice' });
  });

  it('with no active run, the stop is refused as no_active_run', () => {
    const before = harness(followUpWorkflow(noExits(true))).at('+0').stop('alice', 'Follow-up').contactSays('Hi').run();
    const refused = before.entry({ kind: 'stop.refused' });
    expect(refused).toMatchObject({ t: 0, workflow: 'follow-up', user: 'alice', reason: 'no_active_run' });
    expect(refused.run).toBeUndefined();
    expect(before.runOf('Follow-up').status).toBe('completed');

    const afterCompletion = scenario(noExits(true), (h) => h.at('+2d').stop('alice', 'Follow-up')).run();
    expect(afterCompletion.entry({ kind: 'stop.refused' })).toMatchObject({ t: ms('+2d'), reason: 'no_active_run', run: 0 });
    expect(afterCompletion.runOf('Follow-up')).toMatchObject({ status: 'completed', endedAt: ms('+24h') });
    expect(afterCompletion.runOf('Follow-up').stoppedBy).toBeUndefined();
  });
});
