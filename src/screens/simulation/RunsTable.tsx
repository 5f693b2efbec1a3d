import type { RunRow } from '../../../simulator/schema/report.ts';
import { RowLimitNote } from './RowLimitNote.tsx';
import { RunTime } from './RunTime.tsx';

interface Props {
  /** The first runs (the worker sends more on request). */
  readonly runs: readonly RunRow[];
  /** How many runs there are. */
  readonly total: number;
  readonly startEpochMs: number;
  readonly onMore: (count: number) => void;
}

/** Each run's final state, as the engine reports it. */
export function RunsTable({ runs, total, startEpochMs, onMore }: Props) {
  return (
    <section className="panel">
      <div className="table-scroll">
        <table className="data-table runs-table">
          <caption>
            <h2 className="panel-title">Runs</h2>
          </caption>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Workflow</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">Stopped by</th>
              <th scope="col">At step</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((row) => (
              <tr key={row.state.run}>
                <th scope="row">{row.contactName}</th>
                <td>{row.workflowName}</td>
                <td>
                  <span className={`status status--${row.state.status}`}>{row.state.status}</span>
                </td>
                <td>{row.reasonText}</td>
                <td>{row.stoppedByName}</td>
                <td>{row.stepLabel}</td>
                <td className="nowrap">
                  <RunTime row={row} startEpochMs={startEpochMs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RowLimitNote shown={runs.length} total={total} what="runs" onMore={onMore} />
    </section>
  );
}
