import type { TraceRow } from '../../../simulator/schema/report.ts';
import { OffsetTime } from './OffsetTime.tsx';
import { RowLimitNote } from './RowLimitNote.tsx';
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
      <div className="table-scroll">
        <table className="data-table trace-table">
          <caption>
            <h2 className="panel-title">Trace</h2>
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Contact</th>
              <th scope="col">Workflow</th>
              <th scope="col">Step</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      <RowLimitNote shown={rows.length} total={total} what="trace entries" onMore={onMore} />
    </section>
  );
}
