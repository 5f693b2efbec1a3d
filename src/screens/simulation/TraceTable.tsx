import type { TraceRow } from '../../../simulator/schema/report.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { OffsetTime } from './OffsetTime.tsx';
import { TraceWhat } from './TraceWhat.tsx';

interface Props {
  /** The first entries (the worker sends more on request). */
  readonly rows: readonly TraceRow[];
  /** How many entries there are. */
  readonly total: number;
  readonly startEpochMs: number;
  readonly onMore: (count: number) => void;
}

/** Every trace entry in order, in the engine's words. */
export function TraceTable({ rows, total, startEpochMs, onMore }: Props) {
  return (
    <section className="panel">
      <DataTable
        className="trace-table"
        caption={<h2 className="panel-title">Trace</h2>}
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
    </section>
  );
}
