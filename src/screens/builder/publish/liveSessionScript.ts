import type { Script } from '../../../../simulator/schema/script.ts';
import type { LiveSlice } from '../../../state/liveSlice.ts';

/** The name the impact table gives the live session's row. */
export const LIVE_SESSION_NAME = 'The Messages view’s live session';

/**
 * The Messages view's live session as one more script for a publish's impact, when it runs the
 * Workflow being published: its cast, start and every command so far, from its start. The
 * publishes made during the session are left out — the preview asks what this draft would do
 * against the published version, each side played from the start — and so are its expectations.
 * Null when no session runs, or it does not run this Workflow.
 */
export function liveSessionScript(live: LiveSlice['live'], workflowId: string): Script | null {
  if (live.status.kind !== 'running' || live.recorded === null) return null;
  if (!live.workflows.some((workflow) => workflow.id === workflowId)) return null;
  return { ...live.recorded, name: LIVE_SESSION_NAME, events: live.recorded.events.filter((event) => event.type !== 'workflow.publish'), expect: [] };
}
