import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { AUTOSAVE_DELAY_MS } from '../../../src/persistence/autosave.ts';
import { connectPersistence, type PageEvents, type PersistenceConnection } from '../../../src/persistence/connectPersistence.ts';
import { DB_VERSION, DB_VERSIONS, type ExitflowDb } from '../../../src/persistence/db.ts';
import { readLastView } from '../../../src/persistence/lastView.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { describeStorageFailure } from '../../../src/model/storageError.ts';
import { createWorkflow, readWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { hasUnsavedEdits } from '../../../src/state/documentSlice.ts';
import { fakeBrowser, freshDb, writeEnded, type FakeBrowser } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const rename = (name: string) => (workflow: Workflow): Workflow => ({ ...workflow, name });
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A page whose visibility the test sets, and whose events it fires. */
function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  let hidden = false;
  const page: PageEvents = {
    addEventListener: (type, listener) => {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(listener));
    },
    removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
    isHidden: () => hidden,
  };
  const fire = (type: 'pagehide' | 'visibilitychange', hiddenNow = hidden) => {
    hidden = hiddenNow;
    for (const listener of listeners.get(type) ?? []) listener();
  };
  const listening = () => [...listeners.values()].reduce((count, set) => count + set.size, 0);
  return { page, fire, listening };
}

const connections: PersistenceConnection[] = [];
beforeEach(() => {
  // Dexie warns on the console when another connection's upgrade closes one; expected here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const connection of connections.splice(0)) connection.disconnect();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A tab: its own store connected to its own connection to the database, with `record` open. */
function tab(db: ExitflowDb, record?: WorkflowRecord) {
  const store = createAppStore();
  const page = fakePage();
  let clock = T0 + 60_000;
  const connection = connectPersistence(store, db, page.page, () => (clock += 1000));
  connections.push(connection);
  if (record) store.getState().openDocument(record);
  const edit = (name: string) => store.getState().editWorkflow(rename(name));
  return { store, page, connection, edit, db };
}

async function storedIn(db: ExitflowDb, id: string): Promise<WorkflowRecord> {
  const read = await readWorkflow(db, id);
  if (!read?.ok) throw new Error('the stored Workflow is gone or unreadable');
  return read.record;
}

const titles = (store: AppStore) => store.getState().notices.map((notice) => notice.title);

describe('failures raise a toast', () => {
  it('tells of a failed autosave within a second of the edit, in the same update as the failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDb();
    const record = await createWorkflow(db, followUpWorkflow(), T0);
    const { store, edit } = tab(db, record);
    vi.spyOn(db.workflows, 'put').mockRejectedValueOnce(quotaError());
    // The first moment anyone sees the failure, is the toast there already?
    let noticesAtFailure: number | null = null;
    store.subscribe(() => {
      const state = store.getState();
      if (state.save.status === 'failed' && noticesAtFailure === null) noticesAtFailure = state.notices.length;
    });

    edit('Kept');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await writeEnded(store);

    expect(noticesAtFailure).toBe(1);
    expect(store.getState().notices).toEqual([
      { id: expect.any(Number), tone: 'error', title: 'Not saved', description: `${describeStorageFailure(quotaError()).message} Your edits are kept in this tab.`, count: 1 },
    ]);
    expect(store.getState().document?.workflow.name).toBe('Kept');
  });

  it('tells of a conflict with another tab', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, followUpWorkflow(), T0);
    const { store, edit, connection } = tab(db, record);
    edit('Mine');
    await saveWorkflow(db, { document: { ...record.document, name: 'Theirs' }, baseRevision: 1 }, T0 + 1);
    // Found by this save, or by the live query just before it: the same toast either way.
    await connection.flush();
    expect(store.getState().save.status).toBe('conflict');
    expect(titles(store)).toEqual(['Changed in another tab']);
  });
});

describe('leaving the page', () => {
  async function pending() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDb();
    const record = await createWorkflow(db, followUpWorkflow(), T0);
    const opened = tab(db, record);
    opened.edit('Unsaved');
    return { ...opened, record };
  }

  it('writes at once when the page is hidden', async () => {
    const { store, page, db, record } = await pending();
    page.fire('visibilitychange', true);
    expect(store.getState().save.status).toBe('saving');
    await writeEnded(store);
    expect((await storedIn(db, record.id)).document.name).toBe('Unsaved');
  });

  it('writes at once when the page is left', async () => {
    const { store, page, db, record } = await pending();
    page.fire('pagehide');
    await writeEnded(store);
    expect((await storedIn(db, record.id)).document.name).toBe('Unsaved');
  });

  it('waits for the usual delay when the page becomes visible', async () => {
    const { store, page } = await pending();
    page.fire('visibilitychange', false);
    expect(store.getState().save.status).toBe('saved');
    expect(hasUnsavedEdits(store.getState().document)).toBe(true);
  });
});

describe('crash recovery', () => {
  it('remembers which Workflow is open, and that none is', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, followUpWorkflow(), T0);
    const { store } = tab(db);
    store.getState().openDocument(record);
    await vi.waitFor(async () => expect((await readLastView(db))?.workflowId).toBe(record.id));
    store.getState().closeDocument();
    await vi.waitFor(async () => expect(await readLastView(db)).toMatchObject({ workflowId: null }));
  });

  it('reopens the last autosaved state of the last open Workflow in a new session', async () => {
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    const crashed = tab(browser.openTab(), record);
    crashed.edit('Edited before the crash');
    await crashed.connection.flush();
    await vi.waitFor(async () => expect((await readLastView(crashed.db))?.workflowId).toBe(record.id));
    // The tab is killed: no disconnect, nothing more. A new session opens the database afresh.
    const next = browser.openTab();
    const view = await readLastView(next);
    expect(view?.workflowId).toBe(record.id);
    expect((await storedIn(next, view?.workflowId ?? '')).document.name).toBe('Edited before the crash');
  });
});

describe('two tabs on one Workflow', () => {
  async function twoTabs() {
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    return { a: tab(browser.openTab(), record), b: tab(browser.openTab(), record), record, browser };
  }

  it("shows B's save in A within a second when A has nothing unsaved", async () => {
    const { a, b } = await twoTabs();
    b.edit('Edited in B');
    await b.connection.flush();
    // vi.waitFor gives up after one second.
    await vi.waitFor(() => expect(a.store.getState().document?.workflow.name).toBe('Edited in B'), { timeout: 1000 });
    expect(hasUnsavedEdits(a.store.getState().document)).toBe(false);
    expect(a.store.getState().document?.baseRevision).toBe(2);
    expect(a.store.getState().notices).toEqual([]);
  });

  it('reports conflicting edits in A, losing neither', async () => {
    const { a, b, record } = await twoTabs();
    a.edit('Edited in A');
    b.edit('Edited in B');
    await b.connection.flush();
    await vi.waitFor(() => expect(a.store.getState().save.status).toBe('conflict'), { timeout: 1000 });
    const save = a.store.getState().save;
    expect(save.status === 'conflict' && save.theirs?.document.name).toBe('Edited in B');
    expect(titles(a.store)).toEqual(['Changed in another tab']);
    // A writes nothing over B's save until the person chooses; A's edit is still there to choose.
    await a.connection.flush();
    expect((await storedIn(b.db, record.id)).document.name).toBe('Edited in B');
    expect(a.store.getState().document?.workflow.name).toBe('Edited in A');
  });
});

/** The versions of a build one schema version newer: one table more. */
const newerVersions: typeof DB_VERSIONS = [...DB_VERSIONS, { version: DB_VERSION + 1, stores: { ...DB_VERSIONS[DB_VERSIONS.length - 1]?.stores, extra: 'id' } }];

describe('a schema upgrade in a newer tab', () => {
  async function upgradedUnder(browser: FakeBrowser) {
    const newer = browser.openTab(newerVersions);
    await newer.open();
    return newer;
  }

  it('makes an open older tab stop writing and ask to reload, throwing nothing', async () => {
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    const older = tab(browser.openTab(), record);
    await older.db.open();
    const put = vi.spyOn(older.db.workflows, 'put');

    const newer = await upgradedUnder(browser);

    expect(older.store.getState().save).toEqual({ status: 'blocked', failure: { kind: 'outdated', message: expect.stringMatching(/Reload this tab/) } });
    expect(titles(older.store)).toEqual(['Reload this tab']);
    older.edit('Edited after the upgrade');
    older.store.getState().requestSave();
    await expect(older.connection.flush()).resolves.toBeUndefined();
    expect(put).not.toHaveBeenCalled();
    expect(await storedIn(newer, record.id)).toEqual(record);
    expect(older.store.getState().document?.workflow.name).toBe('Edited after the upgrade');
  });

  it('makes an older tab opened afterwards stop at its first write, as outdated', async () => {
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    const newer = await upgradedUnder(browser);
    const older = tab(browser.openTab(), record);
    older.edit('From an outdated build');
    await older.connection.flush();
    expect(older.store.getState().save).toEqual({ status: 'blocked', failure: { kind: 'outdated', message: expect.any(String) } });
    expect(titles(older.store)).toEqual(['Reload this tab']);
    expect(await storedIn(newer, record.id)).toEqual(record);
  });
});

describe('disconnect', () => {
  it('stops listening to the page and to the database', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    const { store, page, connection, edit, db } = tab(browser.openTab(), record);
    await db.open();
    const put = vi.spyOn(db.workflows, 'put');
    expect(page.listening()).toBe(2);

    connection.disconnect();
    expect(page.listening()).toBe(0);
    edit('After disconnect');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    await writeEnded(store);
    expect(put).not.toHaveBeenCalled();
    // An upgrade elsewhere no longer reaches this store.
    await browser.openTab(newerVersions).open();
    expect(store.getState().save.status).toBe('saved');
  });
});
