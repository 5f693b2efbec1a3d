import { Dexie, type EntityTable } from 'dexie';
import type { LastViewRecord, LiveSessionRecord, ScriptRecord, VersionRecord, WorkflowRecord } from '../model/records.ts';

/** The database's name in the browser. */
export const DB_NAME = 'exitflow';

/**
 * The schema versions of the database, oldest first: a new version adds a line here (and an
 * `upgrade` when records must be reshaped). Document shapes change through the format migrations
 * of `simulator/schema/`, which run on every read, so most releases need no new version.
 */
export const DB_VERSIONS: readonly { readonly version: number; readonly stores: Record<string, string>; readonly upgrade?: (db: ExitflowDb) => void }[] = [
  {
    version: 1,
    stores: {
      workflows: 'id, updatedAt',
      versions: '++id, workflowId, [workflowId+createdAt]',
      scripts: 'id, workflowId',
      view: 'key',
    },
  },
  // The Messages view's live session, resumed after a reload.
  {
    version: 2,
    stores: {
      workflows: 'id, updatedAt',
      versions: '++id, workflowId, [workflowId+createdAt]',
      scripts: 'id, workflowId',
      view: 'key',
      liveSession: 'key',
    },
  },
];

export const DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]?.version ?? 1;

/** Records as stored; they are parsed (records.ts) on the way out. */
export type ExitflowDb = Dexie & {
  workflows: EntityTable<WorkflowRecord, 'id'>;
  versions: EntityTable<VersionRecord, 'id'>;
  scripts: EntityTable<ScriptRecord, 'id'>;
  view: EntityTable<LastViewRecord, 'key'>;
  liveSession: EntityTable<LiveSessionRecord, 'key'>;
};

export interface OpenDbOptions {
  readonly name?: string;
  /** Another IndexedDB (fake-indexeddb in unit tests). */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** The versions to declare; tests pass fewer to act as an older build. */
  readonly versions?: typeof DB_VERSIONS;
}

/** Declares the database (Dexie opens it on first use). */
export function createDb({ name = DB_NAME, indexedDB, IDBKeyRange, versions = DB_VERSIONS }: OpenDbOptions = {}): ExitflowDb {
  const db = new Dexie(name, indexedDB && IDBKeyRange ? { indexedDB, IDBKeyRange } : undefined) as ExitflowDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(() => upgrade(db));
  }
  // Dexie 4 opens a database that a newer build has upgraded (it retries IndexedDB's VersionError
  // without a version), so this build would go on reading and writing records shaped for the newer
  // one. Refuse, as IndexedDB would: every read and write then fails as 'outdated' (reload).
  const newest = Math.max(0, ...versions.map(({ version }) => version));
  db.on(
    'ready',
    (ready) => {
      // Dexie stores version n as n × 10 (+1 when it patched a schema in place).
      const installed = Math.floor(ready.backendDB().version / 10);
      if (installed > newest) throw new Dexie.VersionError(`The stored data is at version ${installed}; this exitflow reads up to version ${newest}.`);
    },
    true,
  );
  return db;
}
