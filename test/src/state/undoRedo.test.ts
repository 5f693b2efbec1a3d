import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../simulator/schema/step.ts';
import { workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';
import { isStructuralProblem } from '../../../simulator/validate/structuralProblems.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { autoLayout } from '../../../src/parts/canvas/autoLayout.ts';
import {
  addStep,
  connect,
  copyFragment,
  insertStepOnEdge,
  moveNodes,
  nodeIds,
  pasteFragment,
  reconnect,
  removeElements,
  updateStep,
} from '../../../src/model/workflowEdits.ts';
import { createStep, freeStepId } from '../../../src/parts/canvas/steps/stepKinds.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { UNDO_LIMIT } from '../../../src/state/documentSlice.ts';
import { deepFreeze } from '../../harness/deepFreeze.ts';
import { applyEditCommand, editCommandArb, startNameArb, startWorkflow } from '../../harness/workflowEditCommands.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

/**
 * Undo and redo on the store, with the real edits of the builder: every state Undo goes back to
 * must be the very document that was there (not a look-alike), down to the stored one.
 */

const T0 = Date.UTC(2025, 0, 6, 9, 0);

const stored = (document: Workflow): WorkflowRecord => ({
  id: document.id,
  revision: 1,
  status: 'draft',
  createdAt: T0,
  updatedAt: T0,
  publishedAt: null,
  document,
});

/** A store with the record open. The document is frozen: an edit that mutates a kept state throws. */
function opened(document: Workflow): AppStore {
  const store = createAppStore();
  store.getState().openDocument(stored(deepFreeze(document)));
  return store;
}

const current = (store: AppStore): Workflow => {
  const { document } = store.getState();
  if (!document) throw new Error('no document open');
  return document.workflow;
};
const past = (store: AppStore) => store.getState().document?.past ?? [];
const future = (store: AppStore) => store.getState().document?.future ?? [];

const stepOf = <T extends Step['type']>(workflow: Workflow, id: string, type: T): Extract<Step, { type: T }> => {
  const step = workflow.steps.find((candidate) => candidate.id === id);
  if (step?.type !== type) throw new Error(`no ${type} "${id}"`);
  return step as Extract<Step, { type: T }>;
};
const edgeId = (workflow: Workflow, source: string, target: string): string => {
  const found = workflow.edges.find((edge) => edge.source === source && edge.target === target);
  if (!found) throw new Error(`no edge ${source} → ${target}`);
  return found.id;
};
const added = (workflow: Workflow, type: Step['type'], x: number, y: number): Step => createStep(type, freeStepId(type, nodeIds(workflow)), { x, y });

/**
 * Twenty edits of every kind the builder makes, on "Follow-up" (trigger → greet → wait-24h →
 * follow-up → end), each changing the document.
 */
const TWENTY_EDITS: readonly [string, (workflow: Workflow) => Workflow][] = [
  ['rename', (w) => ({ ...w, name: 'Follow-up (edited)' })],
  ['add a comment', (w) => addStep(w, added(w, 'add_comment', 400, 0))],
  ['connect the comment to the end', (w) => connect(w, { source: 'add-comment-1', sourceHandle: 'next', target: 'end' })],
  ['insert a Branch on greet → wait', (w) => insertStepOnEdge(w, edgeId(w, 'greet', 'wait-24h'), added(w, 'branch', 0, 200))],
  ['connect the Branch’s Else to the comment', (w) => connect(w, { source: 'branch-1', sourceHandle: 'else', target: 'add-comment-1' })],
  ['edit the follow-up text', (w) => updateStep(w, { ...stepOf(w, 'follow-up', 'send_message'), text: 'Still interested? Reply YES' })],
  ['move greet', (w) => moveNodes(w, new Map([['greet', { x: 20, y: 140 }]]))],
  ['add a question', (w) => addStep(w, added(w, 'ask_question', 600, 300))],
  ['configure the question with a timeout', (w) => updateStep(w, { ...stepOf(w, 'ask-question-1', 'ask_question'), text: 'Which plan?', field: 'plan', timeout: '2h' })],
  ['connect the question’s timeout to the end', (w) => connect(w, { source: 'ask-question-1', sourceHandle: 'timeout', target: 'end' })],
  ['reconnect follow-up → end to the question', (w) => reconnect(w, edgeId(w, 'follow-up', 'end'), { source: 'follow-up', sourceHandle: 'next', target: 'ask-question-1' })],
  ['connect the question’s answer to the end', (w) => connect(w, { source: 'ask-question-1', sourceHandle: 'answered', target: 'end' })],
  ['copy and paste wait + follow-up', (w) => pasteFragment(w, copyFragment(w, ['wait-24h', 'follow-up']), { x: 300, y: 0 }).workflow],
  [
    'add a second Branch path',
    (w) => {
      const branch = stepOf(w, 'branch-1', 'branch');
      return updateStep(w, { ...branch, paths: [...branch.paths, { id: 'path-2', label: 'Leads', match: 'any', conditions: [{ subject: 'tag', operator: 'has', tag: 'lead' }] }] });
    },
  ],
  ['connect the new path to the pasted wait', (w) => connect(w, { source: 'branch-1', sourceHandle: 'path-2', target: 'wait-24h-copy' })],
  [
    'remove the question’s timeout (its edge goes)',
    (w) => {
      const { timeout: _timeout, ...ask } = stepOf(w, 'ask-question-1', 'ask_question');
      return updateStep(w, ask);
    },
  ],
  ['auto-layout', (w) => autoLayout(w)],
  ['delete the comment (and its edges)', (w) => removeElements(w, { stepIds: ['add-comment-1'] })],
  ['move the trigger', (w) => moveNodes(w, new Map([['trigger', { x: (w.trigger.position?.x ?? 0) - 40, y: (w.trigger.position?.y ?? 0) - 100 }]]))],
  ['insert an End on the pasted edge', (w) => insertStepOnEdge(w, edgeId(w, 'wait-24h-copy', 'follow-up-copy'), added(w, 'end', 300, 400))],
];

describe('undo and redo of builder edits on the store', () => {
  it('round-trips a sequence of 20 mixed edits back to the exact starting document', () => {
    const store = opened(followUpWorkflow());
    const start = current(store);
    // Each state as a reference (undo must give back that very object) and as a deep copy (no later
    // edit may have changed it in place).
    const states: Workflow[] = [start];
    const copies: Workflow[] = [structuredClone(start)];

    expect(TWENTY_EDITS).toHaveLength(20);
    for (const [what, edit] of TWENTY_EDITS) {
      const before = current(store);
      store.getState().editWorkflow(edit);
      const after = current(store);
      // An edit that changed nothing would record no step and shorten the round trip.
      expect(after, what).not.toBe(before);
      expect(after, what).not.toEqual(before);
      states.push(after);
      copies.push(structuredClone(after));
    }
    const final = current(store);
    expect(past(store)).toHaveLength(20);
    // The edits made a real document: the schema takes it and the graph is well-formed.
    expect(workflowSchema.safeParse(final).success).toBe(true);
    expect(validateWorkflow(final).filter((problem) => isStructuralProblem(problem.code))).toEqual([]);
    expect(final.steps.map((step) => step.id).sort()).toEqual(['ask-question-1', 'branch-1', 'end', 'end-1', 'follow-up', 'follow-up-copy', 'greet', 'wait-24h', 'wait-24h-copy']);

    for (let i = 19; i >= 0; i--) {
      store.getState().undo();
      expect(current(store)).toBe(states[i]);
      expect(current(store)).toEqual(copies[i]);
    }
    expect(current(store)).toEqual(copies[0]);
    expect(current(store)).toBe(start);
    expect(past(store)).toEqual([]);
    expect(future(store)).toHaveLength(20);
    // Nothing further back: Undo at the start changes nothing.
    const atStart = store.getState().document;
    store.getState().undo();
    expect(store.getState().document).toBe(atStart);

    for (let i = 1; i <= 20; i++) {
      store.getState().redo();
      expect(current(store)).toBe(states[i]);
      expect(current(store)).toEqual(copies[i]);
    }
    expect(current(store)).toEqual(copies[20]);
    expect(current(store)).toBe(final);
    expect(future(store)).toEqual([]);
  });

  it('round-trips any sequence of 1 to 40 edits (property)', () => {
    fc.assert(
      fc.property(startNameArb, fc.array(editCommandArb, { minLength: 1, maxLength: 40 }), (name, commands) => {
        const store = opened(startWorkflow(name));
        const states = [current(store)];
        const copies = [structuredClone(current(store))];
        for (const command of commands) {
          store.getState().editWorkflow((workflow) => applyEditCommand(workflow, command));
          // Edits that change nothing (a refused connection, an unknown edge) record no step.
          if (current(store) !== states.at(-1)) {
            states.push(current(store));
            copies.push(structuredClone(current(store)));
          }
        }
        expect(past(store)).toHaveLength(states.length - 1);

        for (let i = states.length - 2; i >= 0; i--) {
          store.getState().undo();
          expect(current(store)).toBe(states[i]);
          expect(current(store)).toEqual(copies[i]);
        }
        expect(current(store)).toBe(states[0]);
        for (let i = 1; i < states.length; i++) {
          store.getState().redo();
          expect(current(store)).toBe(states[i]);
        }
        expect(current(store)).toEqual(copies.at(-1));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps at least 100 steps of history, as the builder promises', () => {
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(100);
    // And really goes back 100 edits, not only says so.
    const store = opened(followUpWorkflow());
    const start = current(store);
    for (let i = 1; i <= 100; i++) store.getState().editWorkflow((workflow) => moveNodes(workflow, new Map([['greet', { x: i * 20, y: 0 }]])));
    expect(past(store)).toHaveLength(100);
    for (let i = 0; i < 100; i++) store.getState().undo();
    expect(current(store)).toBe(start);
  });
});
