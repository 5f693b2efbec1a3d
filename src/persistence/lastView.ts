import type { ExitflowDb } from './db.ts';
import { lastViewRecordSchema, type LastViewRecord } from './records.ts';

/** Remembers which Workflow is open, so a new session after a crash reopens it. */
export async function rememberView(db: ExitflowDb, view: Omit<LastViewRecord, 'key'>): Promise<void> {
  await db.view.put({ key: 'last-view', ...view });
}

/** The view saved last, or `null` when none (or a damaged one) is stored. */
export async function readLastView(db: ExitflowDb): Promise<LastViewRecord | null> {
  const parsed = lastViewRecordSchema.safeParse(await db.view.get('last-view'));
  return parsed.success ? parsed.data : null;
}
