import { memo, useDeferredValue } from 'react';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { SimulationReportView } from '../SimulationReportView.tsx';

/**
 * The end-of-run report under the workspace, as the worker last made it for the settings there.
 * It reads its own narrow slice of the store, so playing (a frame per animation frame) does not
 * re-render a trace of hundreds of rows.
 */
export const WorkspaceReport = memo(function WorkspaceReport({ onMoreRows }: { onMoreRows: (kind: 'runs' | 'trace', count: number) => void }) {
  const report = useAppStore((state) => state.playback.report);
  const running = useAppStore((state) => state.playback.reportRunning);
  // Its hundreds of cells are drawn at a lower priority than playback's frames, in slices.
  const shown = useDeferredValue(report);
  return (
    <>
      {running && (
        <p className="loading" role="status">
          Running the script to the end…
        </p>
      )}
      {shown && <SimulationReportView report={shown} stale={running || shown !== report} onMoreRows={onMoreRows} />}
    </>
  );
});
