import { z } from 'zod';
import { parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import { versionRecordSchema, type VersionRecord } from '../model/records.ts';
import type { ExitflowDb } from './db.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';

/** A publish as the live session plays it: the stored version, with the policy it was published with. */
export type StoredPublish = VersionRecord & { readonly kind: 'publish'; readonly policy: NonNullable<VersionRecord['policy']> };

const storedShape = versionRecordSchema.extend({ document: z.unknown() });

/**
 * The file a stored publish is known by in a script's `workflow.publish` (the live session's, and
 * a script saved from it): its version record's id, which no other publish has.
 */
export const publishFile = (publish: Pick<VersionRecord, 'id'>): string => `version-${publish.id}`;

/** The version record id a publish's `file` names, or null when it names no stored version. */
export function versionIdOf(file: string): number | null {
  const match = /^version-([1-9]\d{0,14})$/.exec(file);
  return match ? Number(match[1]) : null;
}

/**
 * The stored versions the files name (`version-<id>`), by file, as a simulation takes them: so a
 * script saved from the live session replays its publishes in the simulator. Files naming no
 * stored version, or a damaged one, are left out (the engine then says which publish it cannot play).
 */
export async function readVersionFiles(db: ExitflowDb, files: readonly string[]): Promise<Record<string, Workflow>> {
  const wanted = [...new Set(files)].flatMap((file) => {
    const id = versionIdOf(file);
    return id === null ? [] : [{ file, id }];
  });
  if (wanted.length === 0) return {};
  const raws = await db.versions.bulkGet(wanted.map(({ id }) => id));
  const versions: Record<string, Workflow> = {};
  wanted.forEach(({ file }, i) => {
    const shape = storedShape.safeParse(raws[i]);
    if (!shape.success) return;
    const document = parseWorkflowDocument(shape.data.document);
    if (document.ok) versions[file] = document.value;
  });
  return versions;
}

/** The id of the newest stored version (0 when there is none): publishes up to it were made before now. */
export async function newestVersionId(db: ExitflowDb): Promise<number> {
  const newest = await db.versions.orderBy(':id').last();
  return newest?.id ?? 0;
}

/**
 * The publishes stored after version `since`, oldest first, each with its policy (records from
 * before the choice read as `finish`, what publishing did then). Damaged ones are left out.
 */
export async function listPublishesSince(db: ExitflowDb, since: number): Promise<StoredPublish[]> {
  const raws = await db.versions.where(':id').above(since).toArray();
  return raws.flatMap((raw): StoredPublish[] => {
    const shape = storedShape.safeParse(raw);
    if (!shape.success || shape.data.kind !== 'publish') return [];
    const document = parseWorkflowDocument(shape.data.document);
    return document.ok ? [{ ...shape.data, kind: 'publish', policy: shape.data.policy ?? 'finish', document: document.value }] : [];
  });
}
