import type { RunRow } from '../../simulator/schema/report.ts';
import { RowLimitNote } from './RowLimitNote.tsx';
import { RunTime } from './RunTime.tsx';
import { useRowLimit } from './useRowLimit.ts';

interface Props {
  readonly runs: readonly RunRow[];
  readonly startEpochMs: number;
}

/** Each run's final state, as the engine reports it. */
export function RunsTable({ runs, startEpochMs }: Props) {
  const limit = useRowLimit(runs.length);
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
            {runs.slice(0, limit.shown).map((row) => (
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
      <RowLimitNote limit={limit} what="runs" />
    </section>
  );
}
