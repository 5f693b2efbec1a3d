import type { RunRow } from '../../../simulator/schema/report.ts';
import { OffsetTime } from './OffsetTime.tsx';

/** When a run ended; for a paused run, since when and when it resumes; for an active run, what it waits for. */
export function RunTime({ row, startEpochMs }: { row: RunRow; startEpochMs: number }) {
  const { endedAt, due, waitingFor, pausedAt, resumesAt } = row.state;
  if (endedAt !== undefined) return <OffsetTime offset={endedAt} startEpochMs={startEpochMs} />;
  if (pausedAt !== undefined)
    return (
      <>
        since <OffsetTime offset={pausedAt} startEpochMs={startEpochMs} />,{' '}
        {resumesAt === undefined ? (
          'resumes when the conversation is closed'
        ) : (
          <>
            resumes <OffsetTime offset={resumesAt} startEpochMs={startEpochMs} />
          </>
        )}
      </>
    );
  if (due !== undefined)
    return (
      <>
        waits until <OffsetTime offset={due} startEpochMs={startEpochMs} />
      </>
    );
  return waitingFor === 'reply' ? 'waits for a reply' : null;
}
