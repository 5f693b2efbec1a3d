import { z } from 'zod';
import { parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import type { TriggerType } from '../../simulator/schema/trigger.ts';
import { publishPolicySchema, type PublishPolicy } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import type { ExitflowDb } from './db.ts';
import { versionKindSchema, workflowRecordSchema, type ScriptRecord, type VersionKind, type VersionRecord, type WorkflowRecord } from '../model/records.ts';

/** Automatic snapshots are taken while editing at most this often, and this many are kept per Workflow. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
export const AUTO_SNAPSHOTS_KEPT = 50;

/** A stored record that no longer parses: shown as such, never silently dropped or overwritten. */
export interface UnreadableRecord {
  readonly id: string;
  readonly problem: string;
}

export type RecordRead = { readonly ok: true; readonly record: WorkflowRecord } | { readonly ok: false; readonly unreadable: UnreadableRecord };

const storedShape = workflowRecordSchema.extend({ document: z.unknown() });

/** Parses a stored Workflow record, migrating its document from an older format. */
export function readWorkflowRecord(raw: unknown): RecordRead {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '?';
  const shape = storedShape.safeParse(raw);
  if (!shape.success) return { ok: false, unreadable: { id, problem: `The stored record is damaged: ${shape.error.issues[0]?.message ?? 'unknown'}` } };
  const document = parseWorkflowDocument(shape.data.document);
  if (!document.ok)
    return { ok: false, unreadable: { id, problem: `The stored Workflow is damaged at ${document.issues[0]?.path}: ${document.issues[0]?.message}` } };
  return { ok: true, record: { ...shape.data, document: document.value } };
}

const versionShape = z.object({ id: z.number(), workflowId: z.string(), createdAt: z.number(), kind: versionKindSchema, note: z.string(), revision: z.number(), document: z.unknown(), policy: publishPolicySchema.optional() });

function readVersionRecord(raw: unknown): VersionRecord | null {
  const shape = versionShape.safeParse(raw);
  if (!shape.success) return null;
  const document = parseWorkflowDocument(shape.data.document);
  return document.ok ? { ...shape.data, document: document.value } : null;
}

/** One row of the Workflows overview. */
export interface WorkflowSummary {
  readonly id: string;
  readonly name: string;
  readonly trigger: TriggerType;
  readonly status: WorkflowRecord['status'];
  readonly stepCount: number;
  readonly updatedAt: number;
}

export interface WorkflowList {
  /** Most recently edited first. */
  readonly workflows: readonly WorkflowSummary[];
  readonly unreadable: readonly UnreadableRecord[];
}

export async function listWorkflows(db: ExitflowDb): Promise<WorkflowList> {
  // Every record, not `orderBy('updatedAt')`: the index leaves out a record whose `updatedAt` is
  // missing or not a number, and a damaged record must be listed as unreadable, not dropped.
  const raws = await db.workflows.toArray();
  const workflows: WorkflowSummary[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const raw of raws) {
    const read = readWorkflowRecord(raw);
    if (!read.ok) {
      unreadable.push(read.unreadable);
      continue;
    }
    const { record } = read;
    workflows.push({
      id: record.id,
      name: record.document.name,
      trigger: record.document.trigger.type,
      status: record.status,
      stepCount: record.document.steps.length,
      updatedAt: record.updatedAt,
    });
  }
  workflows.sort((a, b) => b.updatedAt - a.updatedAt);
  return { workflows, unreadable };
}

/** Every stored Workflow document that can be read (to check references between Workflows). */
export async function listWorkflowDocuments(db: ExitflowDb): Promise<Workflow[]> {
  return (await listWorkflowRecords(db)).map((record) => record.document);
}

/** Every stored Workflow that can be read, with its revision (a damaged record is left out). */
export async function listWorkflowRecords(db: ExitflowDb): Promise<WorkflowRecord[]> {
  return (await db.workflows.toArray()).map(readWorkflowRecord).flatMap((read) => (read.ok ? [read.record] : []));
}

/** The stored Workflow, `null` when there is none with this id. */
export async function readWorkflow(db: ExitflowDb, id: string): Promise<RecordRead | null> {
  const raw = await db.workflows.get(id);
  return raw === undefined ? null : readWorkflowRecord(raw);
}

/** `id`, or `id-2`, `id-3`… whichever no stored Workflow has. */
async function freeId(db: ExitflowDb, id: string): Promise<string> {
  if ((await db.workflows.get(id)) === undefined) return id;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = id.slice(0, 64 - suffix.length) + suffix;
    if ((await db.workflows.get(candidate)) === undefined) return candidate;
  }
}

/** Stores a new Workflow (created, duplicated or imported) in one transaction; its id is made unique if taken. */
export function createWorkflow(db: ExitflowDb, document: Workflow, now: number): Promise<WorkflowRecord> {
  return db.transaction('rw', db.workflows, async () => {
    const id = await freeId(db, document.id);
    const record: WorkflowRecord = { id, revision: 1, status: 'draft', createdAt: now, updatedAt: now, publishedAt: null, document: { ...document, id } };
    await db.workflows.add(record);
    return record;
  });
}

export type SaveOutcome =
  | { readonly ok: true; readonly record: WorkflowRecord }
  /** Someone else (another tab) wrote since `baseRevision`: nothing was written. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: RecordRead }
  | { readonly ok: false; readonly reason: 'missing' };

async function latestVersionAt(db: ExitflowDb, workflowId: string): Promise<number | null> {
  const latest = await db.versions.where('[workflowId+createdAt]').between([workflowId, -Infinity], [workflowId, Infinity]).last();
  return latest?.createdAt ?? null;
}

async function pruneAutomaticSnapshots(db: ExitflowDb, workflowId: string): Promise<void> {
  const automatic = (await db.versions.where('workflowId').equals(workflowId).sortBy('createdAt')).filter((version) => version.kind === 'auto');
  const excess = automatic.length - AUTO_SNAPSHOTS_KEPT;
  if (excess > 0) await db.versions.bulkDelete(automatic.slice(0, excess).map((version) => version.id));
}

/** Adds a snapshot of `record` to its history and returns the snapshot's id. */
async function addVersion(db: ExitflowDb, record: WorkflowRecord, kind: VersionKind, note: string, now: number, policy?: PublishPolicy): Promise<number> {
  const version = { workflowId: record.id, createdAt: now, kind, note, revision: record.revision, document: record.document, ...(policy === undefined ? {} : { policy }) };
  const id = (await db.versions.add(version as VersionRecord)) as number;
  if (kind === 'auto') await pruneAutomaticSnapshots(db, record.id);
  return id;
}

/**
 * Writes a new state of a Workflow if the stored one is still at `baseRevision` (else reports a
 * conflict and writes nothing). While editing, keeps an automatic snapshot every
 * AUTO_SNAPSHOT_INTERVAL_MS.
 */
export function saveWorkflow(db: ExitflowDb, change: { readonly document: Workflow; readonly baseRevision: number }, now: number): Promise<SaveOutcome> {
  return writeRevision(db, change, now, (record) => record, 'auto');
}

/**
 * The revision-checked write under every change: `reshape` gives the new record from the stored
 * one; `snapshot` says whether an automatic snapshot may be taken (not when the caller records a
 * version of its own, as restore and publish do).
 */
function writeRevision(
  db: ExitflowDb,
  change: { readonly document: Workflow; readonly baseRevision: number },
  now: number,
  reshape: (record: WorkflowRecord) => WorkflowRecord,
  snapshot: 'auto' | 'none',
): Promise<SaveOutcome> {
  const id = change.document.id;
  return db.transaction('rw', db.workflows, db.versions, async (): Promise<SaveOutcome> => {
    const raw = await db.workflows.get(id);
    if (raw === undefined) return { ok: false, reason: 'missing' };
    if (raw.revision !== change.baseRevision) return { ok: false, reason: 'conflict', current: readWorkflowRecord(raw) };
    const record = reshape({ ...raw, revision: raw.revision + 1, updatedAt: now, document: change.document });
    await db.workflows.put(record);
    if (snapshot === 'auto') {
      const lastSnapshot = await latestVersionAt(db, id);
      if (lastSnapshot === null || now - lastSnapshot >= AUTO_SNAPSHOT_INTERVAL_MS) await addVersion(db, record, 'auto', '', now);
    }
    return { ok: true, record };
  });
}

/**
 * Publishes a Workflow (the caller has checked it is valid): stores it as published and keeps a
 * `publish` version. Refused like a save when another tab wrote since `baseRevision`.
 */
export function publishWorkflow(
  db: ExitflowDb,
  change: { readonly document: Workflow; readonly baseRevision: number; readonly policy?: PublishPolicy },
  now: number,
): Promise<SaveOutcome> {
  return db.transaction('rw', db.workflows, db.versions, async () => {
    const saved = await writeRevision(db, change, now, (record) => ({ ...record, status: 'published', publishedAt: now }), 'none');
    if (saved.ok) await addVersion(db, saved.record, 'publish', '', now, change.policy ?? 'finish');
    return saved;
  });
}

/** Keeps the stored state of a Workflow as a version ("Save version", with a note). */
export function saveVersion(db: ExitflowDb, workflowId: string, note: string, now: number): Promise<VersionRecord | null> {
  return db.transaction('rw', db.workflows, db.versions, async () => {
    const read = await readWorkflow(db, workflowId);
    if (!read?.ok) return null;
    const id = await addVersion(db, read.record, 'manual', note.trim(), now);
    return readVersionRecord(await db.versions.get(id));
  });
}

/** The history of a Workflow, newest first; damaged snapshots are left out. */
export async function listVersions(db: ExitflowDb, workflowId: string): Promise<VersionRecord[]> {
  const raws = await db.versions.where('[workflowId+createdAt]').between([workflowId, -Infinity], [workflowId, Infinity]).reverse().toArray();
  return raws.map(readVersionRecord).filter((version): version is VersionRecord => version !== null);
}

/**
 * Makes an old version the current state: a new revision (never overwriting history), recorded as
 * a `restore` version. Refused like a save when another tab wrote since `baseRevision`.
 */
export function restoreVersion(db: ExitflowDb, workflowId: string, versionId: number, baseRevision: number, now: number): Promise<SaveOutcome> {
  return db.transaction('rw', db.workflows, db.versions, async (): Promise<SaveOutcome> => {
    const version = readVersionRecord(await db.versions.get(versionId));
    if (!version || version.workflowId !== workflowId) return { ok: false, reason: 'missing' };
    const saved = await writeRevision(db, { document: { ...version.document, id: workflowId }, baseRevision }, now, (record) => record, 'none');
    if (saved.ok) await addVersion(db, saved.record, 'restore', `Restored the version of ${new Date(version.createdAt).toISOString()}`, now);
    return saved;
  });
}

/**
 * Changes a stored Workflow that is not open here (rename, settings from the overview): reads it,
 * applies `change` to its document and writes the next revision, in one transaction, so a
 * concurrent write by a tab editing it is never lost (that tab sees the new revision).
 */
export function updateStoredWorkflow(db: ExitflowDb, id: string, change: (document: Workflow) => Workflow, now: number): Promise<SaveOutcome> {
  return db.transaction('rw', db.workflows, db.versions, async (): Promise<SaveOutcome> => {
    const read = await readWorkflow(db, id);
    if (!read) return { ok: false, reason: 'missing' };
    if (!read.ok) return { ok: false, reason: 'conflict', current: read };
    return saveWorkflow(db, { document: change(read.record.document), baseRevision: read.record.revision }, now);
  });
}

/** Everything a deleted Workflow had, kept to undo the deletion. */
export interface DeletedWorkflow {
  readonly workflow: unknown;
  readonly versions: readonly unknown[];
  readonly scripts: readonly unknown[];
}

/** Deletes a Workflow with its history and scripts, and returns them as they were stored (for Undo). */
export function deleteWorkflow(db: ExitflowDb, id: string): Promise<DeletedWorkflow | null> {
  return db.transaction('rw', db.workflows, db.versions, db.scripts, async () => {
    const workflow = await db.workflows.get(id);
    if (workflow === undefined) return null;
    const versions = await db.versions.where('workflowId').equals(id).toArray();
    const scripts = await db.scripts.where('workflowId').equals(id).toArray();
    await db.workflows.delete(id);
    await db.versions.bulkDelete(versions.map((version) => version.id));
    await db.scripts.bulkDelete(scripts.map((script) => script.id));
    return { workflow, versions, scripts };
  });
}

/** Puts a deleted Workflow back exactly as it was (Undo of delete). */
export function restoreDeletedWorkflow(db: ExitflowDb, deleted: DeletedWorkflow): Promise<void> {
  return db.transaction('rw', db.workflows, db.versions, db.scripts, async () => {
    await db.workflows.put(deleted.workflow as WorkflowRecord);
    await db.versions.bulkPut(deleted.versions as VersionRecord[]);
    await db.scripts.bulkPut(deleted.scripts as ScriptRecord[]);
  });
}
