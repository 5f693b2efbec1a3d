import { describe, expect, it } from 'vitest';
import { REASON_CHOICES } from '../../../../../src/parts/scripts/editor/reasonChoices.ts';

describe('the Reason choices of a status expectation', () => {
  it('name each stop reason in its own words, a publish’s two apart from a person’s stop', () => {
    expect(REASON_CHOICES.map((choice) => [choice.value, choice.label])).toEqual([
      ['manual', 'Manual stop'],
      ['outgoing_message', 'Outgoing messages'],
      ['incoming_message', 'Incoming messages'],
      ['manual_assignment', 'Manual assignment'],
      ['workflow_updated', 'Workflow updated'],
      ['step_removed', 'Step removed'],
    ]);
  });
});
