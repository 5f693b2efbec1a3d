import { z } from 'zod';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { ExitflowDb } from './db.ts';
import type { ScriptRecord } from '../model/records.ts';
import type { UnreadableRecord } from './workflowRepository.ts';

const storedShape = z.object({
  id: z.string().min(1),
  workflowId: z.string().min(1),
  // Kept by a build before the revision check: its first revision.
  revision: z.number().int().positive().default(1),
  updatedAt: z.number(),
  document: z.unknown(),
});

export type ScriptRead = { readonly ok: true; readonly record: ScriptRecord } | { readonly ok: false; readonly unreadable: UnreadableRecord };

/** Parses a stored script record; a damaged one is reported, not trusted. */
export function readScriptRecord(raw: unknown): ScriptRead {
  const shape = storedShape.safeParse(raw);
  const id = shape.success ? shape.data.id : '?';
  if (!shape.success) return { ok: false, unreadable: { id, problem: `The stored script record is damaged: ${shape.error.issues[0]?.message ?? 'unknown'}` } };
  const document = parseScriptDocument(shape.data.document);
  if (!document.ok) return { ok: false, unreadable: { id, problem: `The stored script is damaged at ${document.issues[0]?.path}: ${document.issues[0]?.message}` } };
  return { ok: true, record: { ...shape.data, document: document.value } };
}

export interface ScriptList {
  /** By name. */
  readonly scripts: readonly ScriptRecord[];
  readonly unreadable: readonly UnreadableRecord[];
}

/** The scripts saved with a Workflow. */
export async function listScripts(db: ExitflowDb, workflowId: string): Promise<ScriptList> {
  const scripts: ScriptRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const raw of await db.scripts.where('workflowId').equals(workflowId).toArray()) {
    const read = readScriptRecord(raw);
    if (read.ok) scripts.push(read.record);
    else unreadable.push(read.unreadable);
  }
  scripts.sort((a, b) => a.document.name.localeCompare(b.document.name));
  return { scripts, unreadable };
}

/** Stores a new script with a Workflow, at revision 1 (`id` is new: a fresh UUID). */
export async function createScript(db: ExitflowDb, workflowId: string, id: string, document: Script, now: number): Promise<ScriptRecord> {
  const record: ScriptRecord = { id, workflowId, revision: 1, updatedAt: now, document };
  await db.scripts.add(record);
  return record;
}

export type ScriptSaveOutcome =
  | { readonly ok: true; readonly record: ScriptRecord }
  /** Another tab saved the script since `baseRevision` (`current` is what it stored): nothing was written. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: ScriptRead }
  /** Another tab deleted the script: nothing was written. */
  | { readonly ok: false; readonly reason: 'missing' };

/**
 * Writes a new state of a saved script if the stored one is still at `baseRevision` (the revision
 * the editor opened), else reports a conflict and writes nothing — the check Workflows have
 * (workflowRepository's `saveWorkflow`), so two tabs editing one script never lose an edit.
 */
export function saveScript(
  db: ExitflowDb,
  change: { readonly id: string; readonly document: Script; readonly baseRevision: number },
  now: number,
): Promise<ScriptSaveOutcome> {
  return db.transaction('rw', db.scripts, async (): Promise<ScriptSaveOutcome> => {
    const raw = await db.scripts.get(change.id);
    if (raw === undefined) return { ok: false, reason: 'missing' };
    const stored = readScriptRecord(raw);
    if (!stored.ok || stored.record.revision !== change.baseRevision) return { ok: false, reason: 'conflict', current: stored };
    const record: ScriptRecord = { ...stored.record, revision: stored.record.revision + 1, updatedAt: now, document: change.document };
    await db.scripts.put(record);
    return { ok: true, record };
  });
}

/** Puts a deleted script back exactly as it was (Undo of delete). */
export async function restoreScript(db: ExitflowDb, record: ScriptRecord): Promise<void> {
  await db.scripts.put(record);
}

export async function deleteScript(db: ExitflowDb, id: string): Promise<void> {
  await db.scripts.delete(id);
}
