import type { TraceRow } from '../../../simulator/schema/report.ts';

/** The engine's sentence for a trace entry; a stop is marked in words as well as in colour. */
export function TraceWhat({ row }: { row: TraceRow }) {
  if (row.entry.kind !== 'run.stopped') return row.description;
  return (
    <>
      <strong className="badge badge--stop">Stop</strong> <strong>{row.description}</strong>
    </>
  );
}
