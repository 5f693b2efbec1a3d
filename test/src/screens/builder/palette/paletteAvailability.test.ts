import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { addWhenStopped, connect } from '../../../../../src/model/workflowEdits.ts';
import { createStep } from '../../../../../src/parts/canvas/steps/stepKinds.ts';
import { NOT_ON_WHEN_STOPPED, unavailableKinds } from '../../../../../src/screens/builder/palette/paletteAvailability.ts';
import { followUpWorkflow } from '../../../../harness/workflowFixtures.ts';

/** Follow-up with a When stopped path: when-stopped → untag, and `loose`, a step on neither path. */
function withPath(): Workflow {
  const entry = addWhenStopped(followUpWorkflow(), { x: 400, y: 0 });
  const steps = [...entry.steps, createStep('update_tag', 'untag', { x: 400, y: 120 }), createStep('send_message', 'loose', { x: 800, y: 0 })];
  return connect({ ...entry, steps }, { source: 'when-stopped', sourceHandle: 'next', target: 'untag' });
}

describe('unavailableKinds', () => {
  it('greys the kinds that wait or jump while the entry or a step of its path is selected', () => {
    for (const selected of ['when-stopped', 'untag']) {
      const unavailable = unavailableKinds(withPath(), [selected]);
      expect([...unavailable.keys()].sort()).toEqual(['ask_question', 'jump_to', 'wait']);
      expect(unavailable.get('wait')).toBe(NOT_ON_WHEN_STOPPED);
    }
  });

  it('greys nothing on the main flow, on a step neither entry reaches, with several nodes selected, or without an entry', () => {
    expect(unavailableKinds(withPath(), ['greet']).size).toBe(0);
    expect(unavailableKinds(withPath(), ['loose']).size).toBe(0);
    expect(unavailableKinds(withPath(), ['untag', 'greet']).size).toBe(0);
    expect(unavailableKinds(followUpWorkflow(), ['greet']).size).toBe(0);
  });
});
