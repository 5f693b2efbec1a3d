import { describe, expect, it } from 'vitest';
import { settingsProblems } from '../../../simulator/validate/settingsProblems.ts';
import { workflowNameProblem } from '../../../simulator/validate/workflowNameProblem.ts';

const settings = (enabled: boolean, on: ('outgoing_message' | 'incoming_message')[]) => ({ manualStop: false, exitConditions: { enabled, on } });

describe('settingsProblems', () => {
  it('finds exit conditions on with none chosen, offering the catalogue’s conditions', () => {
    expect(settingsProblems(settings(true, []))).toEqual([
      {
        code: 'exit_conditions_empty',
        message: 'Exit conditions are on but none is selected: pick Outgoing messages, Incoming messages or Manual assignment',
        path: ['settings', 'exitConditions', 'on'],
      },
    ]);
  });

  it('finds nothing when exit conditions are off, or one is chosen', () => {
    expect(settingsProblems(settings(false, []))).toEqual([]);
    expect(settingsProblems(settings(true, ['incoming_message']))).toEqual([]);
  });
});

describe('workflowNameProblem', () => {
  it('says what the schema says of a blank name, and nothing of a good one', () => {
    expect(workflowNameProblem('')).toBe('Give the Workflow a name');
    expect(workflowNameProblem('   ')).toBe('Give the Workflow a name');
    expect(workflowNameProblem('Lead nurture')).toBeNull();
    expect(workflowNameProblem('x'.repeat(121))).toBe('At most 120 characters');
  });
});
