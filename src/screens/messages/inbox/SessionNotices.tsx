import { TriangleAlert } from 'lucide-react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

interface Props {
  /** The stored Workflows changed after the session started: its runs use the older versions. */
  readonly outdated: boolean;
  /** Stored Workflows the session does not run, with their count of problems. */
  readonly left: readonly { readonly workflow: Workflow; readonly problems: number }[];
  readonly onRestart: () => void;
}

/**
 * What the session leaves out, and whether the stored Workflows moved on since it started: a line
 * each, only when there is something to say (what it runs is in the session bar).
 */
export function SessionNotices({ outdated, left, onRestart }: Props) {
  return (
    <div className="session-notices">
      {outdated && (
        <p className="session-notices__outdated" role="status">
          <TriangleAlert size={14} aria-hidden /> Workflows were changed since this session started; its runs use the older versions.{' '}
          <button type="button" className="ui-button" onClick={onRestart}>
            Restart with the new versions
          </button>
        </p>
      )}
      {left.length > 0 && (
        <p className="session-notices__left">
          Not running, because of problems: {left.map(({ workflow, problems }) => `${workflow.name} (${problems} problem${problems === 1 ? '' : 's'})`).join(', ')}.
        </p>
      )}
    </div>
  );
}
