import type { RunRow } from '../../../simulator/schema/report.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { ReportTableProps } from './ReportTableProps.ts';
import { RunTime } from './RunTime.tsx';

/** Each run's final state, as the engine reports it. */
export function RunsTable({ rows, total, startEpochMs, onMore }: ReportTableProps<RunRow>) {
  return (
    <DataTable
      title="Runs"
      className="runs-table"
      columns={['Contact', 'Workflow', 'Status', 'Reason', 'Stopped by', 'At step', 'When']}
      limit={{ shown: rows.length, total, what: 'runs', onMore }}
    >
      {rows.map((row) => (
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
  );
}
