import type { LiveUpdate } from '../../../../simulator/schema/live.ts';
import { stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';
import type { PublishPolicy } from '../../../../simulator/schema/script.ts';

const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/**
 * What a publish played into the live session did, in a line for people — "Trial follow-up version
 * 2 published: 3 runs moved to the new version" — counted from what the engine reported: the runs
 * it moved and stopped after the publish's trace entry, and the runs it left on their version.
 */
export function describePublishOutcome(name: string, file: string, policy: PublishPolicy, update: LiveUpdate): string {
  const published = update.published?.find((version) => version.file === file);
  const title = `${name}${published ? ` version ${published.version}` : ''} published`;
  const entries = update.trace.entries;
  const at = entries.findIndex((entry) => entry.kind === 'workflow.published' && entry.text === file);
  const after = at < 0 ? [] : entries.slice(at + 1);
  const moved = after.filter((entry) => entry.kind === 'run.moved').length;
  const stopped = (reason: 'workflow_updated' | 'step_removed') => after.filter((entry) => entry.kind === 'run.stopped' && entry.reason === reason).length;
  const parts: string[] = [];
  if (policy === 'finish') {
    const staying = update.runs.filter((run) => published && run.workflow === published.workflow && (run.status === 'active' || run.status === 'paused') && run.version !== published.version).length;
    parts.push(staying === 0 ? 'no run was in flight' : `${runs(staying)} in flight finish on their version`);
  } else {
    if (policy === 'move') parts.push(`${runs(moved)} moved to the new version`);
    for (const reason of ['workflow_updated', 'step_removed'] as const) {
      const n = stopped(reason);
      if (n > 0 || (policy === 'stop' && reason === 'workflow_updated')) parts.push(`${runs(n)} stopped (${stopReasonLabel(reason)})`);
    }
  }
  return `${title}: ${parts.join(', ')}`;
}
