import { describe, expect, it } from 'vitest';
import { createWorkflow, publishWorkflow, saveVersion } from '../../../src/persistence/workflowRepository.ts';
import { listPublishesSince, newestVersionId, publishFile, readVersionFiles, versionIdOf } from '../../../src/persistence/publishedVersions.ts';
import { readLiveSession, saveLiveSession } from '../../../src/persistence/liveSessionRepository.ts';
import { SCRIPT_FORMAT, scriptSchema } from '../../../simulator/schema/script.ts';
import { freshDb } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow, noExits } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const v1 = followUpWorkflow(noExits(true));

describe('the publishes the live session plays', () => {
  it('lists the publishes after a version, oldest first, with their policy; other kinds of version are left out', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, v1, T0);
    expect(await newestVersionId(db)).toBe(0);
    await saveVersion(db, created.id, 'before', T0 + 1);
    const since = await newestVersionId(db);
    expect(since).toBeGreaterThan(0);
    const first = await publishWorkflow(db, { document: { ...created.document, name: 'Second' }, baseRevision: created.revision, policy: 'move' }, T0 + 2);
    if (!first.ok) throw new Error('not published');
    const second = await publishWorkflow(db, { document: { ...first.record.document, name: 'Third' }, baseRevision: first.record.revision, policy: 'stop' }, T0 + 3);
    if (!second.ok) throw new Error('not published');
    const publishes = await listPublishesSince(db, since);
    expect(publishes.map((publish) => [publish.workflowId, publish.document.name, publish.policy, publish.kind])).toEqual([
      [created.id, 'Second', 'move', 'publish'],
      [created.id, 'Third', 'stop', 'publish'],
    ]);
    expect(await listPublishesSince(db, publishes[0]?.id ?? 0)).toHaveLength(1);
    expect(await newestVersionId(db)).toBe(publishes[1]?.id);
  });

  it('reads a publish stored before the choice existed as finish, and leaves a damaged one out', async () => {
    const db = freshDb();
    await db.versions.add({ workflowId: 'follow-up', createdAt: T0, kind: 'publish', note: '', revision: 1, document: v1 } as never);
    await db.versions.add({ workflowId: 'follow-up', createdAt: T0, kind: 'publish', note: '', revision: 2, document: { id: 'damaged' } } as never);
    expect((await listPublishesSince(db, 0)).map((publish) => publish.policy)).toEqual(['finish']);
  });
});

describe('the kept live session', () => {
  it('keeps the Workflows it started on, the versions its publishes name and since when it plays publishes; a record from before has none', async () => {
    const db = freshDb();
    const script = scriptSchema.parse({ format: SCRIPT_FORMAT, name: 'Messages session', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'omar' }], events: [] });
    await saveLiveSession(db, 'old', script, 0, 1);
    expect(await readLiveSession(db, 'old')).toEqual({ key: 'old', script, time: 0, savedAt: 1 });
    const v2 = { ...v1, name: 'Follow-up v2' };
    await saveLiveSession(db, 'tab', script, 5_000, 2, 'alice', { workflows: [v1], versions: { 'version-3': v2 }, publishedSince: 2 });
    expect(await readLiveSession(db, 'tab')).toMatchObject({ workflows: [v1], versions: { 'version-3': v2 }, publishedSince: 2, userId: 'alice' });
  });
});

describe('the stored versions a saved script’s publishes name', () => {
  it('reads version-<id> files from the stored versions, by file; anything else, a missing or a damaged one is left out', async () => {
    const db = freshDb();
    const created = await createWorkflow(db, v1, T0);
    const published = await publishWorkflow(db, { document: { ...created.document, name: 'Second' }, baseRevision: created.revision, policy: 'move' }, T0 + 1);
    if (!published.ok) throw new Error('not published');
    const [publish] = await listPublishesSince(db, 0);
    if (!publish) throw new Error('no publish');
    const damaged = (await db.versions.add({ workflowId: 'follow-up', createdAt: T0, kind: 'publish', note: '', revision: 9, document: { id: 'damaged' } } as never)) as number;
    const file = publishFile(publish);
    const versions = await readVersionFiles(db, [file, file, 'version-999999', `version-${damaged}`, 'versions/v2.workflow.json']);
    expect(Object.keys(versions)).toEqual([file]);
    expect(versions[file]?.name).toBe('Second');
  });

  it('knows a version file by its exact form only', () => {
    expect(versionIdOf('version-12')).toBe(12);
    for (const file of ['version-0', 'version-012', 'version-1e3', 'version-', 'versions/v2.workflow.json', 'version-99999999999999999999', ' version-1']) expect(versionIdOf(file)).toBeNull();
  });
});
