import type { AppHistory } from '../app/routing/history.ts';
import { parseRoute, routeHref } from '../app/routing/routes.ts';
import type { ExitflowDb } from './db.ts';
import { readLastView } from './lastView.ts';

const SESSION_KEY = 'exitflow.session';

/**
 * Crash recovery: a new browser session (the tab was killed, or the browser restarted) that
 * lands on the overview goes back to the Workflow that was open. Within a session — a reload, or
 * going home on purpose — nothing is redirected.
 */
export async function restoreLastView(db: ExitflowDb, history: AppHistory, session: Storage): Promise<void> {
  const newSession = session.getItem(SESSION_KEY) === null;
  session.setItem(SESSION_KEY, '1');
  if (!newSession || parseRoute(history.location()).screen !== 'overview') return;
  try {
    const view = await readLastView(db);
    if (view?.workflowId && (await db.workflows.get(view.workflowId)) !== undefined)
      history.replace(routeHref({ screen: 'builder', workflowId: view.workflowId }));
  } catch {
    // Storage is unavailable: the overview says so when it reads; there is nothing to restore.
  }
}
