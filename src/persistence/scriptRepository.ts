import { z } from 'zod';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { ExitflowDb } from './db.ts';
import type { ScriptRecord } from './records.ts';
import type { UnreadableRecord } from './workflowRepository.ts';

const storedShape = z.object({ id: z.string().min(1), workflowId: z.string().min(1), updatedAt: z.number(), document: z.unknown() });

/** Parses a stored script record (SPEC §6 format); a damaged one is reported, not trusted. */
export function readScriptRecord(raw: unknown): { readonly ok: true; readonly record: ScriptRecord } | { readonly ok: false; readonly unreadable: UnreadableRecord } {
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

/** Saves a script with a Workflow (a new one, or over the one with the same id). */
export async function saveScript(db: ExitflowDb, workflowId: string, id: string, document: Script, now: number): Promise<ScriptRecord> {
  const record: ScriptRecord = { id, workflowId, updatedAt: now, document };
  await db.scripts.put(record);
  return record;
}

export async function deleteScript(db: ExitflowDb, id: string): Promise<void> {
  await db.scripts.delete(id);
}
