import { useId } from 'react';
import type { SimulationReport } from '../../../simulator/schema/report.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

/** Workflows, script and the verdict at a glance. */
export function SimulationSummary({ report }: { report: SimulationReport }) {
  const titleId = useId();
  const total = report.expectations.length;
  const held = report.expectations.filter((result) => result.passed).length;
  const verdict = total === 0 ? 'none' : held === total ? 'hold' : 'fail';
  return (
    <section className="summary" aria-labelledby={titleId}>
      <h2 id={titleId} className="summary-title">
        {report.scriptName}
      </h2>
      <dl className="summary-facts">
        <div>
          <dt>{report.workflowNames.length === 1 ? 'Workflow' : 'Workflows'}</dt>
          <dd>{report.workflowNames.join(', ')}</dd>
        </div>
        <div>
          <dt>Starts</dt>
          <dd>
            <time dateTime={new Date(report.startEpochMs).toISOString()}>{formatStart(report.startEpochMs)}</time>
          </dd>
        </div>
        <div>
          <dt>Expectations</dt>
          <dd className={`verdict verdict--${verdict}`}>
            {total === 0 ? 'This script has none' : `${held} of ${total} expectations hold`}
          </dd>
        </div>
        <div>
          <dt>Simulated</dt>
          <dd>
            {count(report.runCount, 'run')} · {count(report.eventsProcessed, 'event')} · {count(report.traceCount, 'trace entry', 'trace entries')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function formatStart(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
