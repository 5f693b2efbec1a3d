import type { TraceRow } from '../../../simulator/schema/report.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { ReportTableProps } from './ReportTableProps.ts';
import { OffsetTime } from './OffsetTime.tsx';
import { TraceWhat } from './TraceWhat.tsx';

/** Every trace entry in order, in the engine's words. */
export function TraceTable({ rows, total, startEpochMs, onMore }: ReportTableProps<TraceRow>) {
  return (
    <DataTable
      title="Trace"
      className="trace-table"
      columns={['Time', 'Contact', 'Workflow', 'Step', 'What']}
      limit={{ shown: rows.length, total, what: 'trace entries', onMore }}
    >
      {rows.map((row) => (
        <tr key={row.entry.seq} id={`trace-${row.entry.seq}`} className={`trace-row trace-row--${row.entry.kind.replace('.', '-')}`}>
          <td className="nowrap">
            <OffsetTime offset={row.entry.t} startEpochMs={startEpochMs} />
          </td>
          <td>{row.contactName}</td>
          <td>{row.workflowName}</td>
          <td>{row.stepLabel}</td>
          <td>
            <TraceWhat row={row} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
