import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, DB_VERSIONS, type ExitflowDb } from '../../../src/persistence/db.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { describeStorageFailure } from '../../../src/model/storageError.ts';
import { createWorkflow, listWorkflows, readWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { fakeBrowser } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

/** The versions of a build one schema version newer than this one: a table more, and `upgrade` when given. */
const newerVersions = (upgrade?: (db: ExitflowDb) => void): typeof DB_VERSIONS => [
  ...DB_VERSIONS,
  { version: DB_VERSION + 1, stores: { ...DB_VERSIONS[DB_VERSIONS.length - 1]?.stores, extra: 'id' }, ...(upgrade ? { upgrade } : {}) },
];

// Dexie warns on the console when it closes a connection for another's upgrade; expected here.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Rejection reason of a promise that must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the database schema', () => {
  it(`opens a new database at version ${DB_VERSION} with the tables exitflow uses`, async () => {
    const db = fakeBrowser().openTab();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['liveSession', 'scripts', 'versions', 'view', 'workflows']);
  });

  it('keeps every record when a newer build upgrades the database, and runs its upgrade', async () => {
    const browser = fakeBrowser();
    const older = browser.openTab();
    const record = await createWorkflow(older, followUpWorkflow(), T0);
    // A record as an older build might have left it: without `publishedAt`, which this build requires.
    const { publishedAt: _missing, ...oldShape } = { ...record, id: 'old-shape' };
    await older.workflows.put(oldShape as unknown as WorkflowRecord);
    older.close();

    const newer = browser.openTab(
      newerVersions((db) => {
        void db.workflows.toCollection().modify((row) => {
          row.publishedAt ??= null;
        });
      }),
    );
    expect(await readWorkflow(newer, record.id)).toEqual({ ok: true, record });
    expect(await readWorkflow(newer, 'old-shape')).toEqual({ ok: true, record: { ...record, id: 'old-shape' } });
    expect(newer.verno).toBe(DB_VERSION + 1);
  });
});

describe('an older build meeting a database a newer build upgraded', () => {
  async function upgradedByNewerBuild() {
    const browser = fakeBrowser();
    const record = await createWorkflow(browser.openTab(), followUpWorkflow(), T0);
    const newer = browser.openTab(newerVersions());
    await newer.open();
    return { browser, newer, record };
  }

  it('is refused with a VersionError, which the person is told is outdated', async () => {
    const { browser } = await upgradedByNewerBuild();
    const error = await rejection(browser.openTab().open());
    expect((error as Error).name).toBe('VersionError');
    expect(describeStorageFailure(error).kind).toBe('outdated');
  });

  it('fails every read and write as outdated, leaving the data as the newer build wrote it', async () => {
    const { browser, newer, record } = await upgradedByNewerBuild();
    const older = browser.openTab();
    const before = await newer.workflows.toArray();
    const failures = await Promise.all([
      rejection(listWorkflows(older)),
      rejection(createWorkflow(older, followUpWorkflow(undefined, { id: 'from-the-older-build' }), T0)),
      rejection(older.workflows.put({ ...record, revision: 99 })),
    ]);
    expect(failures.map((failure) => describeStorageFailure(failure).kind)).toEqual(['outdated', 'outdated', 'outdated']);
    expect(await newer.workflows.toArray()).toEqual(before);
  });

  it('still lets the same build open it again', async () => {
    const { browser, record } = await upgradedByNewerBuild();
    const sameBuild = browser.openTab(newerVersions());
    expect(await readWorkflow(sameBuild, record.id)).toEqual({ ok: true, record });
  });
});
