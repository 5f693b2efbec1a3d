import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import type { ExitflowDb } from './db.ts';
import { readWorkflow, saveWorkflow, type SaveOutcome } from './workflowRepository.ts';

export type StoredSettingsOutcome = SaveOutcome | { readonly ok: false; readonly reason: 'unreadable'; readonly problem: string };

/** Writes the stop settings of a stored Workflow that is not open in this tab. */
export interface StoredSettingsWriter {
  /**
   * Writes `settings` over the stored Workflow `workflowId` if it is still at `readAt`, the
   * revision the caller showed the settings from; a revision this writer wrote itself since
   * counts as `readAt` (the caller's live read of it may not have arrived yet). Anything else
   * stored since — another tab's write — is a conflict, and nothing is written. A storage failure
   * is thrown.
   */
  write(workflowId: string, settings: WorkflowSettings, readAt: number): Promise<StoredSettingsOutcome>;
}

export function createStoredSettingsWriter(db: ExitflowDb, now: () => number = Date.now): StoredSettingsWriter {
  // Per Workflow, revision → the revision this writer wrote over it. Clicks 50 ms apart each
  // carry the revision the screen last read, which lags behind this writer's own writes.
  const wroteOver = new Map<string, Map<number, number>>();
  const latestOwn = (workflowId: string, readAt: number): number => {
    const successors = wroteOver.get(workflowId);
    let revision = readAt;
    while (successors?.has(revision)) revision = successors.get(revision) as number;
    return revision;
  };
  // One write at a time, in call order, so each one starts from the revision the one before wrote.
  let queue: Promise<unknown> = Promise.resolve();

  const writeNow = async (workflowId: string, settings: WorkflowSettings, readAt: number): Promise<StoredSettingsOutcome> => {
    const outcome = await db.transaction('rw', db.workflows, db.versions, async (): Promise<StoredSettingsOutcome> => {
      const read = await readWorkflow(db, workflowId);
      if (!read) return { ok: false, reason: 'missing' };
      if (!read.ok) return { ok: false, reason: 'unreadable', problem: read.unreadable.problem };
      // The revision check is the repository's, the same one autosave's writes go through.
      return saveWorkflow(db, { document: { ...read.record.document, settings }, baseRevision: latestOwn(workflowId, readAt) }, now());
    });
    // Remembered once committed: a write the browser refused at commit wrote over nothing.
    if (outcome.ok) {
      const successors = wroteOver.get(workflowId) ?? new Map<number, number>();
      successors.set(outcome.record.revision - 1, outcome.record.revision);
      wroteOver.set(workflowId, successors);
    }
    return outcome;
  };

  return {
    write(workflowId, settings, readAt) {
      const written = queue.then(() => writeNow(workflowId, settings, readAt));
      queue = written.catch(() => undefined);
      return written;
    },
  };
}

const writers = new WeakMap<ExitflowDb, StoredSettingsWriter>();

/** The one writer of a database, so that every screen's writes are in one queue and know each other. */
export function storedSettingsWriterOf(db: ExitflowDb): StoredSettingsWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = createStoredSettingsWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
