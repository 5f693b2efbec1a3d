import { describe, expect, it } from 'vitest';
import { workflowSettingsSchema, type WorkflowSettings } from '../../../../simulator/schema/settings.ts';
import { settingsProblems } from '../../../../simulator/validate/settingsProblems.ts';
import { STOP_REASONS, waitProblem, withReason, withReentry, withWait } from '../../../../src/parts/settings/afterStopRule.ts';
import { stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';

const base: WorkflowSettings = { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } };
/** Every settings value the panel writes must be one the file format accepts, unchanged by parsing. */
const expectStorable = (settings: WorkflowSettings) => {
  expect(workflowSettingsSchema.parse(settings)).toEqual(settings);
  expect(settingsProblems(settings)).toEqual([]);
};

describe('the After a stop rule the settings panel writes', () => {
  it('writes no rule for Right away, as a format-1 file means it', () => {
    const never = withReentry(base, 'never', undefined);
    expect(withReentry(never, 'allow', undefined)).toEqual(base);
    expect('afterStop' in withReentry(never, 'allow', undefined)).toBe(false);
  });

  it('gives After a wait a week to start with, or the last wait the person typed, and drops the wait for Never', () => {
    expect(withReentry(base, 'after', undefined).afterStop).toEqual({ reentry: 'after', wait: '7d' });
    expect(withReentry(base, 'after', '12h').afterStop).toEqual({ reentry: 'after', wait: '12h' });
    const never = withReentry(withReentry(base, 'after', '12h'), 'never', '12h');
    expect(never.afterStop).toEqual({ reentry: 'never' });
    for (const settings of [never, withReentry(base, 'after', '12h'), withWait(withReentry(base, 'after', undefined), '1d12h')]) expectStorable(settings);
  });

  it('keeps the chosen reasons across a change of re-entry, and other settings untouched', () => {
    const some = withReason(withReentry(base, 'never', undefined), 'manual', false);
    const after = withReentry(some, 'after', undefined);
    expect(after).toEqual({ ...base, afterStop: { reentry: 'after', wait: '7d', reasons: ['outgoing_message', 'incoming_message', 'manual_assignment', 'workflow_updated', 'step_removed'] } });
    expectStorable(after);
  });

  it('writes every reason ticked as no list, refuses to untick the last, and keeps the schema order whatever the clicks', () => {
    let settings = withReentry(base, 'never', undefined);
    settings = withReason(settings, 'incoming_message', false);
    settings = withReason(settings, 'manual', false);
    settings = withReason(settings, 'manual', true);
    expect(settings.afterStop?.reasons).toEqual(['manual', 'outgoing_message', 'manual_assignment', 'workflow_updated', 'step_removed']);
    settings = withReason(settings, 'incoming_message', true);
    expect(settings.afterStop).toEqual({ reentry: 'never' });
    for (const reason of STOP_REASONS.slice(1)) settings = withReason(settings, reason, false);
    expect(settings.afterStop?.reasons).toEqual(['manual']);
    expect(withReason(settings, 'manual', false)).toBe(settings);
    expectStorable(settings);
  });

  it('names each reason with the exit condition catalogue’s label, a person’s stop as Manual stop, and a publish’s in its words', () => {
    expect(STOP_REASONS.map(stopReasonLabel)).toEqual(['Manual stop', 'Outgoing messages', 'Incoming messages', 'Manual assignment', 'Workflow updated', 'Step removed']);
  });

  it('accepts a wait the file format accepts and says what is wrong with any other', () => {
    for (const wait of ['7d', '12h', '1d12h', '90s', ' 2h ']) expect(waitProblem(wait)).toBeUndefined();
    expect(waitProblem('')).toBe('Say how long to wait, e.g. 7d, 12h or 1d12h.');
    expect(waitProblem('a week')).toBe('“a week” is not a duration. Write days, hours, minutes or seconds, e.g. 7d, 12h or 1d12h.');
    expect(waitProblem('7')).toMatch(/^“7” is not a duration/);
    expect(waitProblem('+7d')).toMatch(/^“\+7d” is not a duration/);
    expect(waitProblem('4000d')).toBe('At most 3650d (ten years), the longest a simulation runs.');
  });
});
