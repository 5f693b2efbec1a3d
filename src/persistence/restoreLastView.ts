import { z } from 'zod';
import type { AppHistory } from '../routing/history.ts';
import { parseRoute, routeHref } from '../routing/routes.ts';
import type { ExitflowDb } from './db.ts';
import { readLastView } from './lastView.ts';
import type { LastViewRecord } from '../model/records.ts';

const SESSION_KEY = 'exitflow.session';
const REOPENED_KEY = 'exitflow.reopened';

/** The Workflow a new session reopened, so the screen can say so. */
const reopenedWorkflowSchema = z.object({ id: z.string().min(1), name: z.string() });
export type ReopenedWorkflow = z.infer<typeof reopenedWorkflowSchema>;

/**
 * Crash recovery: a new browser session (the tab was killed, or the browser restarted) that lands
 * on the overview goes back to the builder when the builder was the screen last shown — and only
 * then: a person who last stood on the overview finds the overview. What was reopened is kept for
 * `readReopenedWorkflow`, so the builder can say so. Within a session — a reload, or going home on
 * purpose — nothing is redirected.
 */
export async function restoreLastView(db: ExitflowDb, history: AppHistory, session: Storage): Promise<void> {
  const newSession = session.getItem(SESSION_KEY) === null;
  session.setItem(SESSION_KEY, '1');
  if (!newSession || parseRoute(history.location()).screen !== 'overview') return;
  try {
    const workflowId = builderShownLast(await readLastView(db));
    const record = workflowId === null ? undefined : await db.workflows.get(workflowId);
    if (!record) return;
    history.replace(routeHref({ screen: 'builder', workflowId: record.id }));
    session.setItem(REOPENED_KEY, JSON.stringify({ id: record.id, name: record.document.name } satisfies ReopenedWorkflow));
  } catch {
    // Storage is unavailable: the overview says so when it reads; there is nothing to restore.
  }
}

/**
 * The Workflow `restoreLastView` reopened in this tab, or null. Reading changes nothing (a render
 * may read twice); `forgetReopenedWorkflow` then makes sure a reload does not say it again.
 */
export function readReopenedWorkflow(session: Storage): ReopenedWorkflow | null {
  const text = session.getItem(REOPENED_KEY);
  if (text === null) return null;
  try {
    const parsed = reopenedWorkflowSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // damaged: nothing to say
  }
}

export function forgetReopenedWorkflow(session: Storage): void {
  session.removeItem(REOPENED_KEY);
}

/** Whose builder was shown last; records from before the screen was kept reopen the open Workflow. */
function builderShownLast(view: LastViewRecord | null): string | null {
  if (!view) return null;
  return view.shownInBuilder === undefined ? view.workflowId : view.shownInBuilder;
}
