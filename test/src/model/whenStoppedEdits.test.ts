import { describe, expect, it } from 'vitest';
import { workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';
import { addWhenStopped, connect, connectionProblem, copyFragment, freeWhenStoppedId, moveNodes, nodeIds, removeElements } from '../../../src/model/workflowEdits.ts';
import { deepFreeze } from '../../harness/deepFreeze.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

/** Follow-up (trigger → greet → wait-24h → follow-up → end), frozen so an edit that mutates it throws. */
const base = (): Workflow => deepFreeze(followUpWorkflow());

/** Follow-up with the When stopped entry leading to its `follow-up` step's copy `bye`. */
function withPath(): Workflow {
  const entry = addWhenStopped(base(), { x: 400, y: 0 });
  const withBye = { ...entry, steps: [...entry.steps, { id: 'bye', type: 'send_message', label: 'Bye', text: 'Bye' } as Workflow['steps'][number]] };
  return deepFreeze(connect(withBye, { source: 'when-stopped', sourceHandle: 'next', target: 'bye' }));
}

describe('addWhenStopped', () => {
  it('adds the entry at the position, with an id no node uses, and the document stays valid', () => {
    const added = addWhenStopped(base(), { x: 400, y: 20 });
    expect(added.whenStopped).toEqual({ id: 'when-stopped', label: '', position: { x: 400, y: 20 } });
    expect(workflowSchema.safeParse(added).success).toBe(true);
    expect(nodeIds(added).has('when-stopped')).toBe(true);
  });

  it('adds at most one: with an entry already, the same Workflow comes back (no empty undo step)', () => {
    const once = addWhenStopped(base(), { x: 0, y: 0 });
    expect(addWhenStopped(once, { x: 100, y: 100 })).toBe(once);
  });

  it('picks another id when a step already uses when-stopped', () => {
    const taken = { ...base(), steps: [...base().steps, { id: 'when-stopped', type: 'end', label: 'End' } as Workflow['steps'][number]] };
    expect(freeWhenStoppedId(taken)).toBe('when-stopped-2');
  });
});

describe('connections of the When stopped entry', () => {
  it('leads from its next output to a step', () => {
    const workflow = withPath();
    expect(workflow.edges.filter((edge) => edge.source === 'when-stopped')).toEqual([expect.objectContaining({ sourceHandle: 'next', target: 'bye' })]);
  });

  it('refuses an edge into the entry and an output it does not have', () => {
    const workflow = withPath();
    expect(connectionProblem(workflow, { source: 'greet', sourceHandle: 'next', target: 'when-stopped' })).toBe('Nothing can lead into When stopped');
    expect(connectionProblem(workflow, { source: 'when-stopped', sourceHandle: 'else', target: 'bye' })).toBe('That step has no such output');
  });
});

describe('removeElements with the When stopped entry', () => {
  it('removes the entry and its edges, leaving its path in place, and undo has the old document', () => {
    const workflow = withPath();
    const removed = removeElements(workflow, { stepIds: ['when-stopped'] });
    expect(removed.whenStopped).toBeUndefined();
    expect('whenStopped' in removed).toBe(false);
    expect(removed.edges.some((edge) => edge.source === 'when-stopped')).toBe(false);
    expect(removed.steps.map((step) => step.id)).toContain('bye');
    expect(workflow.whenStopped?.id).toBe('when-stopped');
  });

  it('keeps the entry when only its path is removed', () => {
    const removed = removeElements(withPath(), { stepIds: ['bye'] });
    expect(removed.whenStopped?.id).toBe('when-stopped');
    expect(removed.edges.some((edge) => edge.source === 'when-stopped')).toBe(false);
  });
});

describe('moveNodes and copyFragment with the When stopped entry', () => {
  it('moves the entry', () => {
    const moved = moveNodes(withPath(), new Map([['when-stopped', { x: 600, y: 40 }]]));
    expect(moved.whenStopped?.position).toEqual({ x: 600, y: 40 });
  });

  it('leaves a Workflow whose entry is already there unchanged', () => {
    const workflow = withPath();
    expect(moveNodes(workflow, new Map([['when-stopped', { x: 400, y: 0 }]]))).toBe(workflow);
  });

  it('never copies the entry, nor its edge', () => {
    const fragment = copyFragment(withPath(), ['when-stopped', 'bye']);
    expect(fragment.steps.map((step) => step.id)).toEqual(['bye']);
    expect(fragment.edges).toEqual([]);
  });
});
