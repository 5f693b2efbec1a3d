import { describe, expect, it } from 'vitest';
import type { WorkflowProblem } from '../../../simulator/schema/problem.ts';
import { createAppStore } from '../../../src/state/appStore.ts';

const onStep: WorkflowProblem = { code: 'empty_message', message: '"Send message" has no message text', stepId: 'send-message-2', path: ['steps', 2, 'text'] };
const onEdge: WorkflowProblem = { code: 'edge_into_trigger', message: 'Nothing can lead into the trigger', edgeId: 'e3', path: ['edges', 2, 'target'] };
const onSettings: WorkflowProblem = { code: 'exit_conditions_empty', message: 'Exit conditions are on but none is selected', path: ['settings', 'exitConditions', 'on'] };

describe('showProblem (the UI slice): one way to a problem, from the Problems list or the "Not published" dialog', () => {
  it('selects a problem’s step and asks the canvas to centre it, until the canvas says it has', () => {
    const store = createAppStore();
    store.getState().showProblem(onStep);
    expect(store.getState().selection).toEqual({ nodeIds: ['send-message-2'], edgeIds: [] });
    expect(store.getState().problemToShow).toBe(onStep);
    store.getState().showProblem(null);
    expect(store.getState().problemToShow).toBeNull();
    expect(store.getState().selection.nodeIds).toEqual(['send-message-2']);
  });

  it('selects an edge’s problem without asking for a centre, and opens the settings for a settings problem', () => {
    const store = createAppStore();
    store.getState().showProblem(onEdge);
    expect(store.getState().selection).toEqual({ nodeIds: [], edgeIds: ['e3'] });
    expect(store.getState().problemToShow).toBeNull();
    store.getState().showProblem(onSettings);
    expect(store.getState().settingsOpen).toBe(true);
    expect(store.getState().problemToShow).toBeNull();
  });
});
