import { describe, expect, it } from 'vitest';
import { workflowSettingsSchema, type WorkflowSettings } from '../../../../simulator/schema/settings.ts';
import { validateWorkflow } from '../../../../simulator/validate/validateWorkflow.ts';
import { waitProblem } from '../../../../src/parts/settings/afterStopRule.ts';
import { conditionAction, DEFAULT_RESUME, pausingConditions, withAction, withConditionChosen, withResume } from '../../../../src/parts/settings/pauseRule.ts';
import { followUpWorkflow } from '../../../harness/workflowFixtures.ts';

const base: WorkflowSettings = { manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message', 'incoming_message'] } };

/**
 * Every settings value the panel writes must be one the file format accepts unchanged, and a
 * Workflow holding it must have no problem: above all, no Pause without a resume rule.
 */
const expectStorable = (settings: WorkflowSettings) => {
  expect(workflowSettingsSchema.parse(settings)).toEqual(settings);
  expect(validateWorkflow(followUpWorkflow(settings))).toEqual([]);
};

describe('what each exit condition does, as the settings panel writes it', () => {
  it('reads a condition the file does not list as Stop', () => {
    expect(conditionAction(base, 'outgoing_message')).toBe('stop');
    expect(pausingConditions(base)).toEqual([]);
  });

  it('gives the first Pause the resume rule "2h with no message from your team", so the Workflow stays valid', () => {
    const paused = withAction(base, 'outgoing_message', 'pause');
    expect(paused).toEqual({ ...base, exitConditions: { ...base.exitConditions, actions: { outgoing_message: 'pause' } }, pause: { resume: { on: 'silence', after: '2h' } } });
    expect(DEFAULT_RESUME).toEqual({ on: 'silence', after: '2h' });
    expect(pausingConditions(paused)).toEqual(['outgoing_message']);
    expectStorable(paused);
  });

  it('keeps a resume rule already chosen when a second condition pauses, and takes back a rule given when there is none', () => {
    const closed = withResume(withAction(base, 'outgoing_message', 'pause'), { on: 'conversation_closed' });
    const both = withAction(closed, 'incoming_message', 'pause', { on: 'silence', after: '5h' });
    expect(both.pause).toEqual({ resume: { on: 'conversation_closed' } });
    expect(withAction(base, 'incoming_message', 'pause', { on: 'silence', after: '5h' }).pause).toEqual({ resume: { on: 'silence', after: '5h' } });
    expectStorable(both);
  });

  it('writes Stop as no entry, and drops the resume rule once no condition pauses: a rule nothing uses means nothing', () => {
    const both = withAction(withAction(base, 'outgoing_message', 'pause'), 'incoming_message', 'pause');
    const one = withAction(both, 'outgoing_message', 'stop');
    expect(one.exitConditions.actions).toEqual({ incoming_message: 'pause' });
    expect(one.pause).toEqual({ resume: { on: 'silence', after: '2h' } });
    const none = withAction(one, 'incoming_message', 'stop');
    expect(none).toEqual(base);
    expect('actions' in none.exitConditions || 'pause' in none).toBe(false);
    // A file that says Stop out loud is rewritten the short way on the next change.
    const spelled: WorkflowSettings = { ...base, exitConditions: { ...base.exitConditions, actions: { outgoing_message: 'stop', incoming_message: 'stop' } }, pause: {} };
    expect(withAction(spelled, 'outgoing_message', 'stop')).toEqual(base);
  });

  it('writes the pausing conditions in the catalogue’s order, whatever order they were clicked in', () => {
    const paused = withAction(withAction(base, 'incoming_message', 'pause'), 'outgoing_message', 'pause');
    expect(Object.keys(paused.exitConditions.actions ?? {})).toEqual(['outgoing_message', 'incoming_message']);
  });

  it('drops an unticked condition’s Pause (ticked again it starts as Stop) and the rule with the last Pause', () => {
    const paused = withAction(base, 'outgoing_message', 'pause');
    const unticked = withConditionChosen(paused, 'outgoing_message', false);
    expect(unticked).toEqual({ ...base, exitConditions: { ...base.exitConditions, on: ['incoming_message'] } });
    const again = withConditionChosen(unticked, 'outgoing_message', true);
    expect(again).toEqual(base);
    expect(conditionAction(again, 'outgoing_message')).toBe('stop');
    // Unticking another condition leaves the Pause and its rule alone.
    expect(withConditionChosen(paused, 'incoming_message', false)).toEqual({ ...paused, exitConditions: { ...paused.exitConditions, on: ['outgoing_message'] } });
  });

  it('keeps the Pauses while exit conditions are switched off, as it keeps the chosen conditions, but none of them pauses a run then', () => {
    const paused = withAction(base, 'outgoing_message', 'pause');
    const off: WorkflowSettings = { ...paused, exitConditions: { ...paused.exitConditions, enabled: false } };
    expect(pausingConditions(off)).toEqual([]);
    expect(off.pause).toEqual(paused.pause);
    expectStorable(off);
  });

  it('sets the resume rule either way, leaving the Pauses alone', () => {
    const paused = withAction(base, 'manual_assignment', 'pause');
    expect(withResume(paused, { on: 'conversation_closed' }).pause).toEqual({ resume: { on: 'conversation_closed' } });
    const silence = withResume(paused, { on: 'silence', after: '1d12h' });
    expect(silence.pause).toEqual({ resume: { on: 'silence', after: '1d12h' } });
    expect(silence.exitConditions).toEqual(paused.exitConditions);
  });

  it('refuses a resume time that is no duration with examples that fit it, and never offers one to save', () => {
    expect(waitProblem('2 hours', '2h, 30m or 1d')).toBe('“2 hours” is not a duration. Write days, hours, minutes or seconds, e.g. 2h, 30m or 1d.');
    expect(waitProblem('', '2h, 30m or 1d')).toBe('Say how long to wait, e.g. 2h, 30m or 1d.');
    expect(waitProblem('90m', '2h, 30m or 1d')).toBeUndefined();
  });
});
