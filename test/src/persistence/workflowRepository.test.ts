import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { ExitflowDb } from '../../../src/persistence/db.ts';
import type { VersionRecord, WorkflowRecord } from '../../../src/model/records.ts';
import {
  AUTO_SNAPSHOT_INTERVAL_MS,
  AUTO_SNAPSHOTS_KEPT,
  createWorkflow,
  deleteWorkflow,
  listVersions,
  listWorkflows,
  publishWorkflow,
  readWorkflow,
  restoreDeletedWorkflow,
  restoreVersion,
  saveVersion,
  saveWorkflow,
  updateStoredWorkflow,
} from '../../../src/persistence/workflowRepository.ts';
import { freshDb, storedRows } from '../../harness/fakeBrowserStorage.ts';
import { buildWorkflow, steps } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const MINUTE = 60_000;

const draft = (id: string, name = id, stepCount = 1): Workflow =>
  buildWorkflow({
    id,
    name,
    steps: [...Array.from({ length: stepCount - 1 }, (_, i) => steps.send(`s${i}`, `Message ${i}`)), steps.end()],
    edges: [...Array.from({ length: stepCount - 1 }, (_, i) => `${i === 0 ? 'trigger' : `s${i - 1}`}>s${i}`), `${stepCount > 1 ? `s${stepCount - 2}` : 'trigger'}>end`],
  });

const renamed = (workflow: Workflow, name: string): Workflow => ({ ...workflow, name });

/** Writes a raw row past the repository, as another program or an older build might have. */
const putRaw = (db: ExitflowDb, row: Record<string, unknown>) => db.workflows.put(row as unknown as WorkflowRecord);

/** Saves `names` one after another, each `every` ms after the previous, starting at `from`. */
async function saveSeries(db: ExitflowDb, record: WorkflowRecord, names: readonly string[], from: number, every: number): Promise<WorkflowRecord> {
  let current = record;
  for (const [i, name] of names.entries()) {
    const outcome = await saveWorkflow(db, { document: renamed(current.document, name), baseRevision: current.revision }, from + i * every);
    if (!outcome.ok) throw new Error(`save ${name} refused: ${outcome.reason}`);
    current = outcome.record;
  }
  return current;
}

describe('createWorkflow', () => {
  it('stores a new draft at revision 1 that reads back as written', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, draft('welcome', 'Welcome'), T0);
    expect(record).toEqual({ id: 'welcome', revision: 1, status: 'draft', createdAt: T0, updatedAt: T0, publishedAt: null, document: draft('welcome', 'Welcome') });
    expect(await readWorkflow(db, 'welcome')).toEqual({ ok: true, record });
  });

  it('gives a taken id the suffix -2, then -3, inside the document too, leaving the first untouched', async () => {
    const db = freshDb();
    const first = await createWorkflow(db, draft('welcome', 'First'), T0);
    const second = await createWorkflow(db, draft('welcome', 'Second'), T0 + 1);
    const third = await createWorkflow(db, draft('welcome', 'Third'), T0 + 2);
    expect([second.id, second.document.id, third.id, third.document.id]).toEqual(['welcome-2', 'welcome-2', 'welcome-3', 'welcome-3']);
    expect(await readWorkflow(db, 'welcome')).toEqual({ ok: true, record: first });
    expect((await listWorkflows(db)).workflows.map((summary) => summary.name)).toEqual(['Third', 'Second', 'First']);
  });

  it('keeps a suffixed id within the 64 characters an id may have, so the copy stays readable', async () => {
    const db = freshDb();
    const long = 'a'.repeat(64);
    await createWorkflow(db, draft(long), T0);
    const copy = await createWorkflow(db, draft(long), T0);
    expect(copy.id).toBe(`${'a'.repeat(62)}-2`);
    expect((await readWorkflow(db, copy.id))?.ok).toBe(true);
  });
});

describe('listWorkflows', () => {
  it('lists the most recently edited first, with what the overview shows', async () => {
    const db = freshDb();
    const oldest = await createWorkflow(db, draft('a', 'Alpha', 3), T0);
    await createWorkflow(db, draft('b', 'Bravo'), T0 + MINUTE);
    await createWorkflow(db, draft('c', 'Charlie'), T0 + 2 * MINUTE);
    // Editing the oldest makes it the most recent.
    await saveWorkflow(db, { document: oldest.document, baseRevision: 1 }, T0 + 3 * MINUTE);
    expect(await listWorkflows(db)).toEqual({
      workflows: [
        { id: 'a', name: 'Alpha', trigger: 'incoming_message', status: 'draft', stepCount: 3, updatedAt: T0 + 3 * MINUTE },
        { id: 'c', name: 'Charlie', trigger: 'incoming_message', status: 'draft', stepCount: 1, updatedAt: T0 + 2 * MINUTE },
        { id: 'b', name: 'Bravo', trigger: 'incoming_message', status: 'draft', stepCount: 1, updatedAt: T0 + MINUTE },
      ],
      unreadable: [],
    });
  });

  it('lists damaged records as unreadable, not dropped, and still lists the others', async () => {
    const db = freshDb();
    await createWorkflow(db, draft('good-old', 'Good old'), T0);
    const good = await createWorkflow(db, draft('good-new', 'Good new'), T0 + MINUTE);
    await putRaw(db, { ...good, id: 'bad-document', document: { ...good.document, id: 'bad-document', steps: 'none' } });
    await putRaw(db, { ...good, id: 'bad-revision', revision: 0 });
    // No `updatedAt`: an index on it would leave this record out of the list altogether.
    const { updatedAt: _dropped, ...withoutUpdatedAt } = { ...good, id: 'no-updated-at' };
    await putRaw(db, withoutUpdatedAt);

    const list = await listWorkflows(db);
    expect(list.workflows.map((summary) => summary.id)).toEqual(['good-new', 'good-old']);
    expect(list.unreadable.map((record) => record.id).sort()).toEqual(['bad-document', 'bad-revision', 'no-updated-at']);
    const problems = Object.fromEntries(list.unreadable.map((record) => [record.id, record.problem]));
    expect(problems['bad-document']).toMatch(/^The stored Workflow is damaged at \$\.steps: /);
    expect(problems['bad-revision']).toMatch(/^The stored record is damaged: /);
    expect(problems['no-updated-at']).toMatch(/^The stored record is damaged: /);
  });
});

describe('readWorkflow', () => {
  it('answers null for an id nobody stored', async () => {
    expect(await readWorkflow(freshDb(), 'nobody')).toBeNull();
  });

  it('reports a record whose document is damaged, with the JSON path of the damage', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, draft('wf'), T0);
    await putRaw(db, { ...record, document: { ...record.document, steps: [{ id: 'x', type: 'teleport', label: 'X' }] } });
    const read = await readWorkflow(db, 'wf');
    expect(read?.ok).toBe(false);
    if (read?.ok !== false) return;
    expect(read.unreadable.id).toBe('wf');
    expect(read.unreadable.problem).toMatch(/^The stored Workflow is damaged at \$\.steps\[0\]/);
  });

  it('reports a document written by a newer exitflow as such, never guessing at it', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, draft('wf'), T0);
    await putRaw(db, { ...record, document: { ...record.document, format: 'exitflow.workflow/99' } });
    const read = await readWorkflow(db, 'wf');
    expect(read?.ok === false && read.unreadable.problem).toMatch(/^The stored Workflow is damaged at \$\.format: .*newer version of exitflow/);
  });
});

describe('saveWorkflow', () => {
  it('writes the next revision, keeping when and how the Workflow was created', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'Before'), T0);
    const outcome = await saveWorkflow(db, { document: renamed(created.document, 'After'), baseRevision: 1 }, T0 + MINUTE);
    const expected: WorkflowRecord = { ...created, revision: 2, updatedAt: T0 + MINUTE, document: renamed(created.document, 'After') };
    expect(outcome).toEqual({ ok: true, record: expected });
    expect(await readWorkflow(db, 'wf')).toEqual({ ok: true, record: expected });
  });

  it('refuses a save from a stale revision, reports what is stored and writes nothing', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'Mine'), T0);
    // Another tab saved first: the store is at revision 2.
    const theirs = await saveWorkflow(db, { document: renamed(created.document, 'Theirs'), baseRevision: 1 }, T0 + MINUTE);
    const before = await storedRows(db);

    const outcome = await saveWorkflow(db, { document: renamed(created.document, 'Mine, edited'), baseRevision: 1 }, T0 + 2 * MINUTE);

    expect(outcome).toEqual({ ok: false, reason: 'conflict', current: { ok: true, record: theirs.ok && theirs.record } });
    expect(await storedRows(db)).toEqual(before);
  });

  it('refuses a save from a revision ahead of the stored one as well', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    const before = await storedRows(db);
    const outcome = await saveWorkflow(db, { document: created.document, baseRevision: 5 }, T0 + MINUTE);
    expect(outcome.ok === false && outcome.reason).toBe('conflict');
    expect(await storedRows(db)).toEqual(before);
  });

  it('reports a conflict with a damaged stored record as unreadable, still writing nothing', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    await putRaw(db, { ...created, revision: 2, document: { nonsense: true } });
    const before = await storedRows(db);
    const outcome = await saveWorkflow(db, { document: created.document, baseRevision: 1 }, T0 + MINUTE);
    expect(outcome.ok === false && outcome.reason === 'conflict' && outcome.current.ok).toBe(false);
    expect(await storedRows(db)).toEqual(before);
  });

  it('reports a Workflow deleted meanwhile as missing, without bringing it back', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    await db.workflows.delete('wf');
    expect(await saveWorkflow(db, { document: created.document, baseRevision: 1 }, T0 + MINUTE)).toEqual({ ok: false, reason: 'missing' });
    expect(await storedRows(db)).toEqual({ workflows: [], versions: [] });
  });
});

describe('automatic snapshots', () => {
  it(`keeps one at the first save, then at most one every ${AUTO_SNAPSHOT_INTERVAL_MS / MINUTE} minutes`, async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'v0'), T0);
    await saveSeries(db, created, ['v1'], T0, 0);
    await saveSeries(db, { ...created, revision: 2 }, ['v2', 'v3'], T0 + 1, AUTO_SNAPSHOT_INTERVAL_MS - 2);
    // v2 at T0 + 1 and v3 at T0 + interval - 1: both too soon. v4 at T0 + interval: due.
    await saveSeries(db, { ...created, revision: 4 }, ['v4', 'v5'], T0 + AUTO_SNAPSHOT_INTERVAL_MS, 1);
    const versions = await listVersions(db, 'wf');
    expect(versions.map((version) => [version.kind, version.document.name, version.revision, version.createdAt])).toEqual([
      ['auto', 'v4', 5, T0 + AUTO_SNAPSHOT_INTERVAL_MS],
      ['auto', 'v1', 2, T0],
    ]);
  });

  it(`keeps the newest ${AUTO_SNAPSHOTS_KEPT} automatic snapshots and every manual version`, async () => {
    const db = freshDb();
    let current = await createWorkflow(db, draft('wf', 'start'), T0);
    const manualFirst = await saveVersion(db, 'wf', 'Before the big rework', T0);
    const names = Array.from({ length: AUTO_SNAPSHOTS_KEPT + 3 }, (_, i) => `auto ${i + 1}`);
    current = await saveSeries(db, current, names.slice(0, 10), T0 + AUTO_SNAPSHOT_INTERVAL_MS, AUTO_SNAPSHOT_INTERVAL_MS);
    const manualMiddle = await saveVersion(db, 'wf', 'Halfway', T0 + 10 * AUTO_SNAPSHOT_INTERVAL_MS + 1);
    // A manual version is a snapshot too: the next automatic one is due an interval after it.
    await saveSeries(db, current, names.slice(10), T0 + 11 * AUTO_SNAPSHOT_INTERVAL_MS + 1, AUTO_SNAPSHOT_INTERVAL_MS);

    const versions = await listVersions(db, 'wf');
    const automatic = versions.filter((version) => version.kind === 'auto');
    expect(automatic).toHaveLength(AUTO_SNAPSHOTS_KEPT);
    // The three oldest went.
    expect(automatic.map((version) => version.document.name)).toEqual(names.slice(3).reverse());
    expect(versions.filter((version) => version.kind === 'manual')).toEqual([manualMiddle, manualFirst]);
  });

  it('prunes only the Workflow being saved', async () => {
    const db = freshDb();
    const other = await createWorkflow(db, draft('other'), T0);
    await saveSeries(db, other, ['other 1', 'other 2'], T0, AUTO_SNAPSHOT_INTERVAL_MS);
    const mine = await createWorkflow(db, draft('mine'), T0);
    await saveSeries(db, mine, Array.from({ length: AUTO_SNAPSHOTS_KEPT + 1 }, (_, i) => `mine ${i}`), T0, AUTO_SNAPSHOT_INTERVAL_MS);
    expect(await listVersions(db, 'mine')).toHaveLength(AUTO_SNAPSHOTS_KEPT);
    expect((await listVersions(db, 'other')).map((version) => version.document.name)).toEqual(['other 2', 'other 1']);
  });
});

describe('saveVersion and listVersions', () => {
  it('keeps the stored state as a manual version with its note, trimmed', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'Draft'), T0);
    const version = await saveVersion(db, 'wf', '  Ready for review \n', T0 + MINUTE);
    expect(version).toEqual({ id: expect.any(Number), workflowId: 'wf', createdAt: T0 + MINUTE, kind: 'manual', note: 'Ready for review', revision: 1, document: created.document });
    expect(await listVersions(db, 'wf')).toEqual([version]);
  });

  it('keeps nothing for a Workflow that is not stored, or not readable', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    await putRaw(db, { ...created, document: { broken: true } });
    const before = await storedRows(db);
    expect(await saveVersion(db, 'nobody', 'note', T0)).toBeNull();
    expect(await saveVersion(db, 'wf', 'note', T0)).toBeNull();
    expect(await storedRows(db)).toEqual(before);
  });

  it("lists one Workflow's history newest first, leaving out damaged snapshots", async () => {
    const db = freshDb();
    await createWorkflow(db, draft('wf'), T0);
    await createWorkflow(db, draft('other'), T0);
    const first = await saveVersion(db, 'wf', 'first', T0 + MINUTE);
    await saveVersion(db, 'other', 'not mine', T0 + 2 * MINUTE);
    const third = await saveVersion(db, 'wf', 'third', T0 + 3 * MINUTE);
    const damaged = await saveVersion(db, 'wf', 'damaged', T0 + 4 * MINUTE);
    await db.versions.update(damaged?.id ?? -1, { document: { format: 'exitflow.workflow/1' } as unknown as Workflow });
    expect(await listVersions(db, 'wf')).toEqual([third, first]);
    expect(await listVersions(db, 'nobody')).toEqual([]);
  });
});

describe('restoreVersion', () => {
  async function withHistory() {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'Version A'), T0);
    const a = (await saveVersion(db, 'wf', 'A', T0 + MINUTE)) as VersionRecord;
    const current = await saveSeries(db, created, ['Version B'], T0 + 2 * MINUTE, 0);
    return { db, a, current };
  }

  it('makes an old version the current state as a new revision, and records the restore in the history', async () => {
    const { db, a, current } = await withHistory();
    const historyBefore = await listVersions(db, 'wf');
    const at = T0 + 3 * MINUTE;

    const outcome = await restoreVersion(db, 'wf', a.id, current.revision, at);

    expect(outcome).toEqual({ ok: true, record: { ...current, revision: current.revision + 1, updatedAt: at, document: a.document } });
    const history = await listVersions(db, 'wf');
    expect(history[0]).toMatchObject({ kind: 'restore', createdAt: at, revision: current.revision + 1, document: a.document, note: `Restored the version of ${new Date(a.createdAt).toISOString()}` });
    // Never overwritten: every version from before is still there, unchanged.
    expect(history.slice(1)).toEqual(historyBefore);
  });

  it('records a restore once: no automatic snapshot beside it, however long since the last', async () => {
    const { db, a, current } = await withHistory();
    const before = await listVersions(db, 'wf');
    await restoreVersion(db, 'wf', a.id, current.revision, T0 + 10 * AUTO_SNAPSHOT_INTERVAL_MS);
    const after = await listVersions(db, 'wf');
    expect(after.map((version) => version.kind)).toEqual(['restore', ...before.map((version) => version.kind)]);
  });

  it('refuses a restore from a stale revision and writes nothing', async () => {
    const { db, a, current } = await withHistory();
    await saveWorkflow(db, { document: renamed(current.document, 'Another tab'), baseRevision: current.revision }, T0 + 3 * MINUTE);
    const before = await storedRows(db);
    const outcome = await restoreVersion(db, 'wf', a.id, current.revision, T0 + 4 * MINUTE);
    expect(outcome.ok === false && outcome.reason).toBe('conflict');
    expect(await storedRows(db)).toEqual(before);
  });

  it("refuses another Workflow's version, or one that is gone", async () => {
    const { db, current } = await withHistory();
    await createWorkflow(db, draft('other', 'Other'), T0);
    const foreign = (await saveVersion(db, 'other', '', T0 + MINUTE)) as VersionRecord;
    const before = await storedRows(db);
    expect(await restoreVersion(db, 'wf', foreign.id, current.revision, T0 + 5 * MINUTE)).toEqual({ ok: false, reason: 'missing' });
    expect(await restoreVersion(db, 'wf', 9999, current.revision, T0 + 5 * MINUTE)).toEqual({ ok: false, reason: 'missing' });
    expect(await storedRows(db)).toEqual(before);
  });
});

describe('publishWorkflow', () => {
  it('stores the Workflow as published with the time, and keeps one publish version', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf', 'Draft'), T0);
    const at = T0 + 10 * AUTO_SNAPSHOT_INTERVAL_MS;
    const outcome = await publishWorkflow(db, { document: renamed(created.document, 'Ready'), baseRevision: created.revision }, at);
    expect(outcome).toEqual({ ok: true, record: { ...created, revision: 2, updatedAt: at, status: 'published', publishedAt: at, document: renamed(created.document, 'Ready') } });
    expect((await listVersions(db, 'wf')).map((version) => [version.kind, version.revision, version.document.name, version.policy])).toEqual([['publish', 2, 'Ready', 'finish']]);
  });

  it('keeps with the publish version what the person chose for the runs in flight', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    await publishWorkflow(db, { document: created.document, baseRevision: created.revision, policy: 'move' }, T0 + MINUTE);
    expect((await listVersions(db, 'wf')).map((version) => version.policy)).toEqual(['move']);
  });

  it('refuses to publish from a stale revision and writes nothing', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, draft('wf'), T0);
    await saveWorkflow(db, { document: renamed(created.document, 'Another tab'), baseRevision: created.revision }, T0 + MINUTE);
    const before = await storedRows(db);
    const outcome = await publishWorkflow(db, { document: created.document, baseRevision: created.revision }, T0 + 2 * MINUTE);
    expect(outcome.ok === false && outcome.reason).toBe('conflict');
    expect(await storedRows(db)).toEqual(before);
  });
});

describe('updateStoredWorkflow', () => {
  it('changes the stored document as the next revision', async () => {
    const db = freshDb();
    await createWorkflow(db, draft('wf', 'Old name'), T0);
    const outcome = await updateStoredWorkflow(db, 'wf', (workflow) => renamed(workflow, 'New name'), T0 + MINUTE);
    expect(outcome.ok && [outcome.record.revision, outcome.record.document.name]).toEqual([2, 'New name']);
  });

  it('reports a Workflow that is gone', async () => {
    expect(await updateStoredWorkflow(freshDb(), 'gone', (workflow) => workflow, T0)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('deleteWorkflow and restoreDeletedWorkflow', () => {
  it('deletes a Workflow with its history, and Undo puts back exactly what was stored', async () => {
    const db = freshDb();
    await createWorkflow(db, draft('wf'), T0);
    await createWorkflow(db, draft('other'), T0);
    await saveVersion(db, 'wf', 'kept', T0 + MINUTE);
    await saveVersion(db, 'other', 'untouched', T0 + MINUTE);
    const before = await storedRows(db);

    const deleted = await deleteWorkflow(db, 'wf');
    expect(await readWorkflow(db, 'wf')).toBeNull();
    expect(await listVersions(db, 'wf')).toEqual([]);
    expect((await listVersions(db, 'other')).map((version) => version.note)).toEqual(['untouched']);

    await restoreDeletedWorkflow(db, deleted as NonNullable<typeof deleted>);
    expect(await storedRows(db)).toEqual(before);
  });

  it('answers null for a Workflow that is not stored', async () => {
    expect(await deleteWorkflow(freshDb(), 'gone')).toBeNull();
  });
});
