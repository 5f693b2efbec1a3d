import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { createAppStore } from '../../../src/state/appStore.ts';
import { hasUnsavedEdits, UNDO_LIMIT } from '../../../src/state/documentSlice.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

const stored = (overrides: Partial<WorkflowRecord> = {}): WorkflowRecord => ({
  id: 'follow-up',
  revision: 3,
  status: 'draft',
  createdAt: T0,
  updatedAt: T0 + 1000,
  publishedAt: null,
  document: followUpWorkflow(),
  ...overrides,
});

const rename = (name: string) => (workflow: Workflow): Workflow => ({ ...workflow, name });

/** A store with the stored Workflow open. */
function opened(record = stored()) {
  const store = createAppStore();
  store.getState().openDocument(record);
  return store;
}

const doc = (store: ReturnType<typeof createAppStore>) => {
  const { document } = store.getState();
  if (!document) throw new Error('no document open');
  return document;
};
const name = (store: ReturnType<typeof createAppStore>) => doc(store).workflow.name;

describe('openDocument and closeDocument', () => {
  it('opens a stored Workflow with nothing unsaved, building on its revision', () => {
    const record = stored();
    const store = opened(record);
    expect(doc(store)).toMatchObject({ workflowId: 'follow-up', workflow: record.document, baseRevision: 3, past: [], future: [] });
    expect(hasUnsavedEdits(doc(store))).toBe(false);
    expect(store.getState().save).toEqual({ status: 'saved', at: record.updatedAt });
  });

  it('closes it, forgetting the save state', () => {
    const store = opened();
    store.getState().saveFailed({ kind: 'quota', message: 'full' });
    store.getState().closeDocument();
    expect(store.getState().document).toBeNull();
    expect(store.getState().save).toEqual({ status: 'saved', at: null });
    expect(hasUnsavedEdits(null)).toBe(false);
  });
});

describe('editWorkflow, undo and redo', () => {
  it('applies an edit, which is unsaved until written', () => {
    const store = opened();
    store.getState().editWorkflow(rename('Renamed'));
    expect(name(store)).toBe('Renamed');
    expect(hasUnsavedEdits(doc(store))).toBe(true);
  });

  it('ignores an edit that changes nothing: no undo step, nothing to save', () => {
    const store = opened();
    const before = doc(store);
    store.getState().editWorkflow((workflow) => workflow);
    expect(doc(store)).toBe(before);
  });

  it('ignores edits, undo and redo with no document open', () => {
    const store = createAppStore();
    store.getState().editWorkflow(rename('x'));
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().document).toBeNull();
  });

  it('undoes and redoes edits in order, each an edit to save', () => {
    const store = opened();
    store.getState().editWorkflow(rename('One'));
    store.getState().editWorkflow(rename('Two'));
    store.getState().undo();
    expect(name(store)).toBe('One');
    store.getState().undo();
    expect(name(store)).toBe('Follow-up');
    // The state is the stored one again, but it was reached by edits the store has not seen written.
    expect(hasUnsavedEdits(doc(store))).toBe(true);
    store.getState().redo();
    store.getState().redo();
    expect(name(store)).toBe('Two');
  });

  it('does nothing on undo with no past, or redo with no future', () => {
    const store = opened();
    const before = doc(store);
    store.getState().undo();
    store.getState().redo();
    expect(doc(store)).toBe(before);
  });

  it('drops the redo steps when a new edit is made', () => {
    const store = opened();
    store.getState().editWorkflow(rename('One'));
    store.getState().undo();
    store.getState().editWorkflow(rename('Other'));
    store.getState().redo();
    expect(name(store)).toBe('Other');
    expect(doc(store).future).toEqual([]);
  });
});

describe('coalescing by key', () => {
  it('makes consecutive edits with the same key one undo step', () => {
    const store = opened();
    for (const typed of ['F', 'Fo', 'Foo']) store.getState().editWorkflow(rename(typed), { key: 'name' });
    expect(doc(store).past).toHaveLength(1);
    store.getState().undo();
    expect(name(store)).toBe('Follow-up');
  });

  it('still counts every coalesced edit as one to save', () => {
    const store = opened();
    store.getState().editWorkflow(rename('F'), { key: 'name' });
    const seq = doc(store).editSeq;
    store.getState().editWorkflow(rename('Fo'), { key: 'name' });
    expect(doc(store).editSeq).toBe(seq + 1);
  });

  it('starts a new step on another key, an edit without a key, or after an undo', () => {
    const store = opened();
    store.getState().editWorkflow(rename('A'), { key: 'name' });
    store.getState().editWorkflow(rename('AB'), { key: 'description' });
    store.getState().editWorkflow(rename('ABC'), { key: 'description' });
    store.getState().editWorkflow(rename('Moved'));
    store.getState().editWorkflow(rename('Moved again'));
    expect(doc(store).past.map((workflow) => workflow.name)).toEqual(['Follow-up', 'A', 'ABC', 'Moved']);

    store.getState().undo();
    store.getState().editWorkflow(rename('Typed'), { key: 'description' });
    store.getState().editWorkflow(rename('Typed more'), { key: 'description' });
    store.getState().undo();
    expect(name(store)).toBe('Moved');
  });
});

describe(`the undo limit (${UNDO_LIMIT})`, () => {
  it(`goes back at most ${UNDO_LIMIT} edits, dropping the oldest`, () => {
    const store = opened();
    const edits = UNDO_LIMIT + 5;
    for (let i = 1; i <= edits; i++) store.getState().editWorkflow(rename(`Edit ${i}`));
    expect(doc(store).past).toHaveLength(UNDO_LIMIT);
    for (let i = 0; i < edits; i++) store.getState().undo();
    // The five oldest steps are gone: the furthest Undo reaches is the state after edit 5.
    expect(name(store)).toBe('Edit 5');
    expect(doc(store).future).toHaveLength(UNDO_LIMIT);
  });
});

describe('saving', () => {
  it('clears only the edits up to the written one', () => {
    const store = opened();
    store.getState().editWorkflow(rename('One'));
    store.getState().editWorkflow(rename('Two'));
    const written = doc(store).editSeq;
    store.getState().saveStarted();
    // An edit made while the write runs.
    store.getState().editWorkflow(rename('Three'));
    store.getState().saveSucceeded(stored({ revision: 4, document: followUpWorkflow(undefined, { name: 'Two' }) }), written, T0 + 5000);

    expect(doc(store)).toMatchObject({ baseRevision: 4, savedSeq: written });
    expect(name(store)).toBe('Three');
    expect(hasUnsavedEdits(doc(store))).toBe(true);
    expect(store.getState().save).toEqual({ status: 'saved', at: T0 + 5000 });

    store.getState().saveSucceeded(stored({ revision: 5 }), doc(store).editSeq, T0 + 6000);
    expect(hasUnsavedEdits(doc(store))).toBe(false);
    expect(doc(store).baseRevision).toBe(5);
  });

  it("ignores a write of another Workflow's record", () => {
    const store = opened();
    store.getState().editWorkflow(rename('One'));
    store.getState().saveStarted();
    const before = store.getState();
    store.getState().saveSucceeded(stored({ id: 'other', revision: 9 }), doc(store).editSeq, T0);
    expect(store.getState().document).toBe(before.document);
    expect(store.getState().save).toEqual({ status: 'saving' });
  });

  it('records failures, conflicts and a closed storage, keeping the edits', () => {
    const store = opened();
    store.getState().editWorkflow(rename('Mine'));
    const edited = doc(store);
    const failure = { kind: 'quota', message: 'full' } as const;
    store.getState().saveFailed(failure);
    expect(store.getState().save).toEqual({ status: 'failed', failure });
    const theirs = stored({ revision: 4 });
    store.getState().saveConflicted(theirs);
    expect(store.getState().save).toEqual({ status: 'conflict', theirs });
    store.getState().storageBlocked({ kind: 'outdated', message: 'reload' });
    expect(store.getState().save).toEqual({ status: 'blocked', failure: { kind: 'outdated', message: 'reload' } });
    expect(doc(store)).toBe(edited);
  });

  it('counts requests to save now', () => {
    const store = opened();
    store.getState().requestSave();
    store.getState().requestSave();
    expect(store.getState().saveRequests).toBe(2);
  });
});

describe('adoptStored', () => {
  it("takes another tab's saved state as one more undoable step, with nothing unsaved", () => {
    const store = opened();
    store.getState().editWorkflow(rename('Mine'));
    store.getState().saveConflicted(null);
    const theirs = stored({ revision: 7, updatedAt: T0 + 9000, document: followUpWorkflow(undefined, { name: 'Theirs' }) });

    store.getState().adoptStored(theirs);

    expect(doc(store)).toMatchObject({ workflow: theirs.document, baseRevision: 7, future: [], lastEditKey: null });
    expect(hasUnsavedEdits(doc(store))).toBe(false);
    expect(store.getState().save).toEqual({ status: 'saved', at: T0 + 9000 });
    store.getState().undo();
    expect(name(store)).toBe('Mine');
  });

  it('takes back what this tab itself just stored (a publish) without adding an undo step', () => {
    const store = opened();
    store.getState().editWorkflow(rename('Ready'));
    const { workflow, past } = doc(store);
    store.getState().adoptStored(stored({ revision: 4, status: 'published', updatedAt: T0 + 5000, document: workflow }));
    expect(doc(store)).toMatchObject({ workflow, baseRevision: 4, past });
    expect(hasUnsavedEdits(doc(store))).toBe(false);
    expect(store.getState().save).toEqual({ status: 'saved', at: T0 + 5000 });
  });

  it('ends coalescing, so typing on starts its own undo step', () => {
    const store = opened();
    store.getState().editWorkflow(rename('Mi'), { key: 'name' });
    store.getState().adoptStored(stored({ revision: 4, document: followUpWorkflow(undefined, { name: 'Theirs' }) }));
    store.getState().editWorkflow(rename('Theirs!'), { key: 'name' });
    store.getState().undo();
    expect(name(store)).toBe('Theirs');
  });

  it("ignores another Workflow's record, leaving the document and its save state alone", () => {
    const store = opened();
    store.getState().editWorkflow(rename('Mine'));
    const theirs = stored({ id: 'other', revision: 4 });
    store.getState().saveConflicted(stored({ revision: 4 }));
    const before = store.getState();

    store.getState().adoptStored(theirs);

    expect(store.getState().document).toBe(before.document);
    expect(store.getState().save).toBe(before.save);
  });
});
