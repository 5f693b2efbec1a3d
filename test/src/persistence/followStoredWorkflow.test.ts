import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { followStoredWorkflow } from '../../../src/persistence/followStoredWorkflow.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { createWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { hasUnsavedEdits } from '../../../src/state/documentSlice.ts';
import { fakeBrowser } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

/**
 * Real timers throughout: Dexie re-runs some live queries from a setTimeout, and fake-indexeddb
 * answers from setImmediate. Writes come from a second connection to the same database, as another tab's
 * would. (In one process Dexie tells the live queries of every connection directly; between real
 * tabs it broadcasts, which only the browser end-to-end tests can cover.)
 */

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const rename = (name: string) => (workflow: Workflow): Workflow => ({ ...workflow, name });

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.restoreAllMocks();
});

/** This tab (a store following its connection) and another tab writing to the same database. */
async function twoTabs() {
  const browser = fakeBrowser();
  const here = browser.openTab();
  const there = browser.openTab();
  const record = await createWorkflow(there, followUpWorkflow(), T0);
  const store = createAppStore();
  store.getState().openDocument(record);
  // Every read this tab makes of a stored Workflow (a live query reads at once when it is told of a write).
  const reads = vi.spyOn(here.workflows, 'get');
  // The follower asks the store for its state once when it starts and at least once per answer of
  // its live query: counting those calls tells a test that an answer has been handled, whatever it did.
  let asked = 0;
  const counting: AppStore = { ...store, getState: () => (asked++, store.getState()) };
  const stop = followStoredWorkflow(counting, here);
  stops.push(stop);
  const started = asked;
  const answers = () => asked - started;
  /** Resolves once the live query has answered `count` times in all. */
  const answered = (count: number) => vi.waitFor(() => expect(answers()).toBeGreaterThanOrEqual(count));

  /** Saves a new state of `id` in the other tab, on top of what is stored. */
  const theySave = async (name: string, id = record.id): Promise<WorkflowRecord> => {
    const base = (await there.workflows.get(id)) as WorkflowRecord;
    const outcome = await saveWorkflow(there, { document: { ...base.document, name }, baseRevision: base.revision }, base.updatedAt + 1000);
    if (!outcome.ok) throw new Error(`their save failed: ${outcome.reason}`);
    return outcome.record;
  };
  const readCount = () => reads.mock.results.length;
  return { here, there, store, record, stop, theySave, answered, answers, readCount };
}

const docOf = (store: AppStore) => store.getState().document;

describe('followStoredWorkflow', () => {
  it("adopts another tab's save when this tab has nothing unsaved, undoably", async () => {
    const { store, theySave } = await twoTabs();
    const theirs = await theySave('Theirs');
    await vi.waitFor(() => expect(docOf(store)?.workflow.name).toBe('Theirs'));
    expect(docOf(store)?.baseRevision).toBe(theirs.revision);
    expect(hasUnsavedEdits(docOf(store))).toBe(false);
    expect(store.getState().save).toEqual({ status: 'saved', at: theirs.updatedAt });
    store.getState().undo();
    expect(docOf(store)?.workflow.name).toBe('Follow-up');
  });

  it('reports a conflict at once when this tab has unsaved edits, keeping them', async () => {
    const { store, theySave } = await twoTabs();
    store.getState().editWorkflow(rename('Mine'));
    const theirs = await theySave('Theirs');
    await vi.waitFor(() => expect(store.getState().save).toEqual({ status: 'conflict', theirs }));
    expect(docOf(store)?.workflow.name).toBe('Mine');

    // Their next save is the one to choose against.
    const newer = await theySave('Theirs again');
    await vi.waitFor(() => expect(store.getState().save).toEqual({ status: 'conflict', theirs: newer }));
    expect(docOf(store)?.workflow.name).toBe('Mine');
  });

  it('leaves alone the revision this tab already builds on', async () => {
    const { store, answered } = await twoTabs();
    store.getState().editWorkflow(rename('Mine'));
    const before = store.getState();
    // The first answer of the live query is the stored revision 1, which the edits build on.
    await answered(1);
    expect(store.getState().save).toBe(before.save);
    expect(docOf(store)).toBe(before.document);
  });

  it.each(['saving', 'blocked'] as const)('waits while storage is %s', async (state) => {
    const { store, theySave, answered } = await twoTabs();
    await answered(1);
    store.getState().editWorkflow(rename('Mine'));
    // A save under way learns of the other write itself (its revision check fails); a blocked tab writes nothing.
    if (state === 'saving') store.getState().saveStarted();
    else store.getState().storageBlocked({ kind: 'outdated', message: 'Reload' });
    const before = store.getState();
    await theySave('Theirs');
    await answered(2);
    expect(store.getState().save).toBe(before.save);
    expect(docOf(store)).toBe(before.document);
  });

  it('ignores a stored record it cannot read, and one that was deleted', async () => {
    const { store, there, record, answered } = await twoTabs();
    await answered(1);
    const before = store.getState();
    await there.workflows.put({ ...record, revision: 5, document: { broken: true } } as unknown as WorkflowRecord);
    await answered(2);
    await there.workflows.delete(record.id);
    await answered(3);
    expect(store.getState().save).toBe(before.save);
    expect(docOf(store)).toBe(before.document);
  });

  it('follows whichever Workflow is open', async () => {
    const { store, there, theySave } = await twoTabs();
    const other = await createWorkflow(there, followUpWorkflow(undefined, { id: 'other', name: 'Other' }), T0);
    store.getState().openDocument(other);
    await theySave('Other, edited there', 'other');
    await vi.waitFor(() => expect(docOf(store)?.workflow.name).toBe('Other, edited there'));
  });

  it('reads nothing more once stopped', async () => {
    const { store, stop, theySave, answered, answers, readCount } = await twoTabs();
    await answered(1);
    stop();
    const before = store.getState();
    const reads = readCount();
    // Dexie tells live queries of a write as its transaction completes, before the write resolves.
    await theySave('After stop');
    expect(readCount()).toBe(reads);
    expect(answers()).toBe(1);
    expect(docOf(store)).toBe(before.document);
  });
});
