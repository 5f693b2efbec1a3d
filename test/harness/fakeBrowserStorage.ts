import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, DB_VERSIONS, type ExitflowDb } from '../../src/persistence/db.ts';
import type { AppStore } from '../../src/state/appStore.ts';

/**
 * IndexedDB for unit tests (fake-indexeddb): one fresh, empty browser profile per test, and as
 * many connections ("tabs") to it as a test needs.
 */

// Dexie's liveQuery does nothing at all when there is no global IndexedDB (it checks
// `Dexie.dependencies.indexedDB`), and Node has none. The queries themselves run on each
// database's own factory; this only has to be set.
if (!Dexie.dependencies.indexedDB) Dexie.dependencies.indexedDB = new IDBFactory();
if (!Dexie.dependencies.IDBKeyRange) Dexie.dependencies.IDBKeyRange = IDBKeyRange;

let profiles = 0;

export interface FakeBrowser {
  readonly indexedDB: IDBFactory;
  /** Unique per profile: Dexie tells live queries of every database with the same name about a write. */
  readonly name: string;
  /** One more connection to the profile's database, as a tab of a build declaring `versions` would open it. */
  openTab(versions?: typeof DB_VERSIONS): ExitflowDb;
}

export function fakeBrowser(): FakeBrowser {
  const indexedDB = new IDBFactory();
  const name = `exitflow-test-${++profiles}`;
  return { indexedDB, name, openTab: (versions = DB_VERSIONS) => createDb({ indexedDB, IDBKeyRange, name, versions }) };
}

/** A database in a fresh profile. */
export const freshDb = (): ExitflowDb => fakeBrowser().openTab();

/** Everything stored about Workflows, to compare before and after an operation that must write nothing. */
export async function storedRows(db: ExitflowDb): Promise<{ workflows: unknown[]; versions: unknown[] }> {
  return { workflows: await db.workflows.toArray(), versions: await db.versions.toArray() };
}

/** Resolves once the store's save state is no longer 'saving' (the write under way has ended). */
export function writeEnded(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().save.status !== 'saving') return resolve();
    const unsubscribe = store.subscribe((state) => {
      if (state.save.status === 'saving') return;
      unsubscribe();
      resolve();
    });
  });
}
