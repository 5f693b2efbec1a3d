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

/**
 * Remembers that `workflowId` is open, keeping the viewport saved for it (reopening the same
 * Workflow after a crash shows the same part of the canvas); another Workflow starts without one.
 */
export async function rememberOpenWorkflow(db: ExitflowDb, workflowId: string | null, savedAt: number): Promise<void> {
  await db.transaction('rw', db.view, async () => {
    const last = await readLastView(db);
    await rememberView(db, { workflowId, viewport: last?.workflowId === workflowId ? last.viewport : null, savedAt });
  });
}
