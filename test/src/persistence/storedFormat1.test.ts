import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_FORMAT } from '../../../simulator/schema/workflow.ts';
import type { VersionRecord, WorkflowRecord } from '../../../src/model/records.ts';
import { listVersions, listWorkflowDocuments, listWorkflows, readWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { freshDb, storedRows } from '../../harness/fakeBrowserStorage.ts';

/** A Workflow as a build of format 1 stored it, every step kind of that format included. */
const format1 = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/workflow-formats/v1.workflow.json'), 'utf8')) as Record<string, unknown> & { id: string };
const T0 = Date.UTC(2026, 0, 5, 9, 0);

const storedRecord = { id: format1.id, revision: 3, status: 'published', createdAt: T0, updatedAt: T0, publishedAt: T0, document: format1 };
const storedVersion = { id: 1, workflowId: format1.id, createdAt: T0, kind: 'publish', note: '', revision: 3, document: format1 };

describe('Workflows stored by a build of format 1 (issue 16)', () => {
  it('open as the current format, listed, read and in their history, meaning the same', async () => {
    const db = freshDb();
    await db.workflows.put(storedRecord as unknown as WorkflowRecord);
    await db.versions.put(storedVersion as unknown as VersionRecord);
    expect((await listWorkflows(db)).unreadable).toEqual([]);
    const read = await readWorkflow(db, format1.id);
    expect(read).toMatchObject({ ok: true, record: { revision: 3, document: { format: WORKFLOW_FORMAT, id: format1.id, steps: format1.steps } } });
    expect(read?.ok && read.record.document.whenStopped).toBeUndefined();
    expect((await listWorkflowDocuments(db)).map((document) => document.format)).toEqual([WORKFLOW_FORMAT]);
    expect((await listVersions(db, format1.id)).map((version) => version.document.format)).toEqual([WORKFLOW_FORMAT]);
  });

  it('are written back in the current format by the next save', async () => {
    const db = freshDb();
    await db.workflows.put(storedRecord as unknown as WorkflowRecord);
    const read = await readWorkflow(db, format1.id);
    if (!read?.ok) throw new Error('The stored record did not open');
    const saved = await saveWorkflow(db, { document: { ...read.record.document, name: 'Renamed' }, baseRevision: 3 }, T0 + 60_000);
    expect(saved.ok).toBe(true);
    const { workflows } = await storedRows(db);
    expect(workflows).toEqual([expect.objectContaining({ revision: 4, document: expect.objectContaining({ format: WORKFLOW_FORMAT, name: 'Renamed' }) })]);
  });
});
