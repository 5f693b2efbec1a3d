import { memo } from 'react';
import type { SimulationReport } from '../../../simulator/schema/report.ts';
import { ExpectationList } from './ExpectationList.tsx';
import { RunsTable } from './RunsTable.tsx';
import { SimulationSummary } from './SimulationSummary.tsx';
import { TraceTable } from './TraceTable.tsx';

interface Props {
  readonly report: SimulationReport;
  /** The inputs changed and their report is on its way: this one is of the inputs before. */
  readonly stale?: boolean;
  /** Asks the engine for `count` more runs or trace entries. */
  readonly onMoreRows: (kind: 'runs' | 'trace', count: number) => void;
}

/** The end-of-run report the engine made: the verdict, every run, the expectations and the trace. */
export const SimulationReportView = memo(function SimulationReportView({ report, stale = false, onMoreRows }: Props) {
  return (
    <article className="simulation" aria-label={`Simulation of ${report.scriptName}`} aria-busy={stale}>
      <SimulationSummary report={report} />
      <RunsTable rows={report.runs} total={report.runCount} startEpochMs={report.startEpochMs} onMore={(count) => onMoreRows('runs', count)} />
      <ExpectationList expectations={report.expectations} />
      <TraceTable rows={report.trace} total={report.traceCount} startEpochMs={report.startEpochMs} onMore={(count) => onMoreRows('trace', count)} />
    </article>
  );
});
