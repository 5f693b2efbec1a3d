import type { RunRow } from '../../../simulator/schema/report.ts';
import { OffsetTime } from './OffsetTime.tsx';

/** When a run ended; for an active run, what it waits for. */
export function RunTime({ row, startEpochMs }: { row: RunRow; startEpochMs: number }) {
  const { endedAt, due, waitingFor } = row.state;
  if (endedAt !== undefined) return <OffsetTime offset={endedAt} startEpochMs={startEpochMs} />;
  if (due !== undefined)
    return (
      <>
        waits until <OffsetTime offset={due} startEpochMs={startEpochMs} />
      </>
    );
  return waitingFor === 'reply' ? 'waits for a reply' : null;
}
