import { z } from 'zod';
import { parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import { versionRecordSchema, type VersionRecord } from '../model/records.ts';
import type { ExitflowDb } from './db.ts';

/** A publish as the live session plays it: the stored version, with the policy it was published with. */
export type StoredPublish = VersionRecord & { readonly kind: 'publish'; readonly policy: NonNullable<VersionRecord['policy']> };

const storedShape = versionRecordSchema.extend({ document: z.unknown() });

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
