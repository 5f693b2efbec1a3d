import type { ExitflowDb } from './db.ts';
import { lastViewRecordSchema, type LastViewRecord } from '../model/records.ts';

type ViewChange = Partial<Omit<LastViewRecord, 'key' | 'savedAt'>> & Pick<LastViewRecord, 'savedAt'>;

/**
 * Changes what is remembered of where the person was — the open Workflow and its viewport, or
 * the screen shown — keeping what `change` does not name, so a new session after a crash goes back
 * there. Each writer names only its own part: the viewport's writer does not know the screen.
 */
export async function rememberView(db: ExitflowDb, change: ViewChange): Promise<void> {
  await db.transaction('rw', db.view, async () => {
    const last = await readLastView(db);
    const record: LastViewRecord = { key: 'last-view', workflowId: null, viewport: null, ...withoutKey(last), ...change };
    await db.view.put(record);
  });
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

/** Remembers the screen shown: the builder of `workflowId`, or (null) any other screen. */
export function rememberShownScreen(db: ExitflowDb, shownInBuilder: string | null, savedAt: number): Promise<void> {
  return rememberView(db, { shownInBuilder, savedAt });
}

function withoutKey(record: LastViewRecord | null): Partial<LastViewRecord> {
  if (!record) return {};
  const { key: _key, ...rest } = record;
  return rest;
}


/** The workspaces whose breakpoints are kept at most: the most recently set stay. */
const KEPT_BREAKPOINT_SETS = 50;

/**
 * Keeps the simulator's breakpoints of one workspace (`bp`, as the address writes them; '' for
 * none), so they come back when the simulator opens without them in its address.
 */
export async function rememberBreakpoints(db: ExitflowDb, workspace: string, bp: string, savedAt: number): Promise<void> {
  await db.transaction('rw', db.view, async () => {
    const kept = { ...(await readLastView(db))?.simulatorBreakpoints };
    delete kept[workspace];
    if (bp !== '') kept[workspace] = bp;
    // Newest last (insertion order): past the cap, the oldest go.
    const entries = Object.entries(kept).slice(-KEPT_BREAKPOINT_SETS);
    await rememberView(db, { simulatorBreakpoints: Object.fromEntries(entries), savedAt });
  });
}

/** The breakpoints kept for a workspace, as the address writes them; null when none are. */
export async function readKeptBreakpoints(db: ExitflowDb, workspace: string): Promise<string | null> {
  const kept = (await readLastView(db))?.simulatorBreakpoints;
  return kept && Object.hasOwn(kept, workspace) ? (kept[workspace] ?? null) : null;
}
