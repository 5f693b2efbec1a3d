import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { startAutosave } from '../../../src/persistence/autosave.ts';
import type { ExitflowDb } from '../../../src/persistence/db.ts';
import { createWorkflow, readWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { createAppStore } from '../../../src/state/appStore.ts';
import { hasUnsavedEdits } from '../../../src/state/documentSlice.ts';
import { fakeBrowser, freshDb, writeEnded } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const DELAY = 200;
const T0 = Date.UTC(2025, 0, 6, 9, 0);

// Only the autosave timer is faked: fake-indexeddb and Dexie run on real microtasks and setImmediate.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const rename = (name: string) => (workflow: Workflow): Workflow => ({ ...workflow, name });

/** The Workflow "Follow-up" stored at revision 1 and open in a store with autosave running. */
async function editing(db: ExitflowDb = freshDb()) {
  const record = await createWorkflow(db, followUpWorkflow(), T0);
  const store = createAppStore();
  store.getState().openDocument(record);
  let clock = T0;
  const autosave = startAutosave({ store, db, delayMs: DELAY, now: () => (clock += 1000) });
  const put = vi.spyOn(db.workflows, 'put');
  const edit = (name: string) => store.getState().editWorkflow(rename(name));
  const stored = async () => {
    const read = await readWorkflow(db, record.id);
    if (!read?.ok) throw new Error('the stored Workflow is gone or unreadable');
    return read.record;
  };
  return { db, store, autosave, put, edit, stored, record };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('autosave timing', () => {
  it(`writes ${DELAY} ms after the last edit: several quick edits make one write`, async () => {
    const { store, put, edit, stored } = await editing();
    edit('One');
    await vi.advanceTimersByTimeAsync(DELAY / 2);
    edit('Two');
    await vi.advanceTimersByTimeAsync(DELAY / 2);
    edit('Three');
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    // A write sets 'saving' the moment it starts.
    expect(store.getState().save.status).toBe('saved');
    expect(put).not.toHaveBeenCalled();

    // (The write may run to its end while the fake clock advances: the database answers on real time.)
    await vi.advanceTimersByTimeAsync(1);
    await writeEnded(store);

    expect(put).toHaveBeenCalledTimes(1);
    expect(await stored()).toMatchObject({ revision: 2, document: { name: 'Three' } });
    expect(hasUnsavedEdits(store.getState().document)).toBe(false);
    expect(store.getState().document?.baseRevision).toBe(2);
    expect(store.getState().save).toEqual({ status: 'saved', at: (await stored()).updatedAt });
  });

  it('writes nothing when nothing was edited', async () => {
    const { store, put, autosave } = await editing();
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    await writeEnded(store);
    expect(put).not.toHaveBeenCalled();
  });

  it('writes at once on flush, and not again when the timer would have fired', async () => {
    const { store, put, edit, stored, autosave } = await editing();
    edit('Now');
    await autosave.flush();
    expect(await stored()).toMatchObject({ revision: 2, document: { name: 'Now' } });
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    await writeEnded(store);
    expect(put).toHaveBeenCalledTimes(1);
    expect(store.getState().save.status).toBe('saved');
  });

  it('writes on a save request (Retry, leaving the page) without waiting', async () => {
    const { store, edit, stored } = await editing();
    edit('Requested');
    store.getState().requestSave();
    expect(store.getState().save.status).toBe('saving');
    await writeEnded(store);
    expect((await stored()).document.name).toBe('Requested');
  });

  it('writes edits made during a write after their own delay, on the revision just written', async () => {
    const { store, put, edit, stored, autosave } = await editing();
    edit('First');
    const writing = autosave.flush();
    edit('During the write');
    await writing;
    expect(await stored()).toMatchObject({ revision: 2, document: { name: 'First' } });
    expect(hasUnsavedEdits(store.getState().document)).toBe(true);

    await vi.advanceTimersByTimeAsync(DELAY);
    await writeEnded(store);
    expect(await stored()).toMatchObject({ revision: 3, document: { name: 'During the write' } });
    expect(put).toHaveBeenCalledTimes(2);
    expect(hasUnsavedEdits(store.getState().document)).toBe(false);
  });

  it('runs one write at a time: a flush during a write waits for it, then writes the rest', async () => {
    const { store, edit, stored, autosave } = await editing();
    edit('One');
    const first = autosave.flush();
    edit('Two');
    const second = autosave.flush();
    await Promise.all([first, second]);
    // Two writes at once from revision 1 would have met a conflict with each other.
    expect(store.getState().save.status).toBe('saved');
    expect(await stored()).toMatchObject({ revision: 3, document: { name: 'Two' } });
    expect(hasUnsavedEdits(store.getState().document)).toBe(false);
  });

  it('writes nothing after stop, not even for edits made while the last write ran', async () => {
    const { store, put, edit, autosave } = await editing();
    edit('Before stop');
    const writing = autosave.flush();
    edit('While stopping');
    autosave.stop();
    await writing;
    edit('After stop');
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    // A write the timer started would be under way now (the database answers on real time).
    await writeEnded(store);
    expect(put).toHaveBeenCalledTimes(1);
    expect(hasUnsavedEdits(store.getState().document)).toBe(true);
  });
});

describe('a failing write', () => {
  it('keeps a quota-failed edit in memory, reports it, and a retry writes it', async () => {
    const { db, store, put, edit, stored, record } = await editing();
    put.mockRejectedValueOnce(quotaError());
    edit('Kept');
    const edited = store.getState().document;
    await vi.advanceTimersByTimeAsync(DELAY);
    await writeEnded(store);

    expect(store.getState().save).toEqual({ status: 'failed', failure: { kind: 'quota', message: expect.stringMatching(/quota exceeded/) } });
    expect(store.getState().document).toBe(edited);
    expect(hasUnsavedEdits(store.getState().document)).toBe(true);
    // The transaction was undone as a whole: no revision, no snapshot.
    expect(await stored()).toEqual(record);
    expect(await db.versions.count()).toBe(0);

    store.getState().requestSave();
    await writeEnded(store);
    expect(store.getState().save.status).toBe('saved');
    expect(await stored()).toMatchObject({ revision: 2, document: { name: 'Kept' } });
    expect(hasUnsavedEdits(store.getState().document)).toBe(false);
  });

  it('recognizes the quota error Dexie wraps in an abort', async () => {
    const { store, put, edit, autosave } = await editing();
    put.mockRejectedValueOnce(new Dexie.AbortError('Transaction aborted', quotaError()));
    edit('Kept');
    await autosave.flush();
    expect(store.getState().save.status === 'failed' && store.getState().save).toMatchObject({ failure: { kind: 'quota' } });
  });

  it('tries again at the next edit after any other failure', async () => {
    const { store, put, edit, stored } = await editing();
    put.mockRejectedValueOnce(new Error('disk on fire'));
    edit('One');
    await vi.advanceTimersByTimeAsync(DELAY);
    await writeEnded(store);
    expect(store.getState().save).toEqual({ status: 'failed', failure: { kind: 'unknown', message: 'Storage failed: disk on fire' } });

    edit('Two');
    await vi.advanceTimersByTimeAsync(DELAY);
    await writeEnded(store);
    expect(store.getState().save.status).toBe('saved');
    expect((await stored()).document.name).toBe('Two');
  });

  it('reports a Workflow deleted meanwhile, keeping the edits', async () => {
    const { db, store, edit, autosave, record } = await editing();
    await db.workflows.delete(record.id);
    edit('Orphan');
    await autosave.flush();
    expect(store.getState().save).toEqual({ status: 'failed', failure: { kind: 'unknown', message: expect.stringMatching(/no longer stored/) } });
    expect(store.getState().document?.workflow.name).toBe('Orphan');
    expect(await db.workflows.count()).toBe(0);
  });
});

describe('a conflicting write', () => {
  it("ends in a conflict holding theirs, and writes nothing until it is resolved", async () => {
    const { db, store, put, edit, stored, autosave, record } = await editing();
    // Another tab saves first, from the same revision.
    const other = await saveWorkflow(db, { document: { ...record.document, name: 'Theirs' }, baseRevision: record.revision }, T0 + 500);
    if (!other.ok) throw new Error('the other tab could not save');
    put.mockClear();

    edit('Mine');
    await autosave.flush();
    expect(store.getState().save).toEqual({ status: 'conflict', theirs: other.record });
    expect(store.getState().document?.workflow.name).toBe('Mine');

    // Not even an attempt: the toolbar never says "Saving…" again.
    const statuses: string[] = [];
    const unsubscribe = store.subscribe((state) => statuses.push(state.save.status));
    edit('Mine, still typing');
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    store.getState().requestSave();
    await autosave.flush();
    unsubscribe();
    expect(statuses).not.toContain('saving');
    expect(put).not.toHaveBeenCalled();
    expect(await stored()).toEqual(other.record);

    // Resolved by taking theirs: editing on builds on their revision.
    store.getState().adoptStored(other.record);
    edit('On top of theirs');
    await autosave.flush();
    expect(await stored()).toMatchObject({ revision: 3, document: { name: 'On top of theirs' } });
  });
});

describe('closed storage', () => {
  it('stops writing when the database was closed (DatabaseClosedError), without throwing', async () => {
    const browser = fakeBrowser();
    const { db, store, edit, autosave, record } = await editing(browser.openTab());
    db.close();
    edit('After close');
    await expect(autosave.flush()).resolves.toBeUndefined();
    expect(store.getState().save).toEqual({ status: 'blocked', failure: { kind: 'closed', message: expect.stringMatching(/Reload this tab/) } });

    edit('Later');
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    store.getState().requestSave();
    await autosave.flush();
    expect(store.getState().save.status).toBe('blocked');
    expect(store.getState().document?.workflow.name).toBe('Later');
    expect(await readWorkflow(browser.openTab(), record.id)).toEqual({ ok: true, record });
  });

  it('writes nothing while storage is blocked', async () => {
    const { store, put, edit, autosave } = await editing();
    store.getState().storageBlocked({ kind: 'outdated', message: 'Reload' });
    edit('Blocked');
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    await writeEnded(store);
    expect(put).not.toHaveBeenCalled();
  });
});

describe('opening another Workflow while a write runs', () => {
  it('never puts the failure of the earlier Workflow on the one open now, and tells of it in a toast', async () => {
    const { db, store, put, edit, autosave } = await editing();
    const other = await createWorkflow(db, { ...followUpWorkflow(), id: 'other', name: 'Other' }, T0);
    let failWrite: (error: unknown) => void = () => undefined;
    put.mockImplementationOnce(() => new Promise((_, reject) => (failWrite = reject)) as never);
    edit('Lost in the switch');
    const writing = autosave.flush();
    await vi.waitFor(() => expect(put).toHaveBeenCalled());
    store.getState().openDocument(other);
    failWrite(quotaError());
    await writing;

    expect(store.getState().document?.workflowId).toBe('other');
    expect(store.getState().save.status).toBe('saved');
    expect(store.getState().notices).toEqual([expect.objectContaining({ tone: 'error', title: 'Edits to “Lost in the switch” were not saved' })]);
  });
});
