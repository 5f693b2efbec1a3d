import type { RunRow } from '../../../simulator/schema/report.ts';
import { DataTable } from '../../ui/DataTable.tsx';
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
      <DataTable
        className="runs-table"
        caption={<h2 className="panel-title">Runs</h2>}
        columns={['Contact', 'Workflow', 'Status', 'Reason', 'Stopped by', 'At step', 'When']}
        limit={{ shown: runs.length, total, what: 'runs', onMore }}
      >
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
      </DataTable>
    </section>
  );
}
