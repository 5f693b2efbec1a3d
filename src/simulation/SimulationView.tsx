import { useMemo } from 'react';
import type { Script } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { FileProblemList } from '../examples/FileProblemList.tsx';
import type { LoadedDocument } from '../examples/readDocument.ts';
import { ExpectationList } from './ExpectationList.tsx';
import { RunsTable } from './RunsTable.tsx';
import { simulateExample } from './simulateExample.ts';
import { SimulationSummary } from './SimulationSummary.tsx';
import { TraceTable } from './TraceTable.tsx';

interface Props {
  readonly workflows: readonly LoadedDocument<Workflow>[];
  readonly script: LoadedDocument<Script>;
}

/** Runs the script against the Workflows and shows what the engine reports. */
export function SimulationView({ workflows, script }: Props) {
  const outcome = useMemo(() => simulateExample({ workflows, script }), [workflows, script]);
  if (!outcome.ok) return <FileProblemList title="Nothing was simulated: the engine refused the input" problems={outcome.problems} />;
  const { report } = outcome;
  return (
    <article className="simulation" aria-label={`Simulation of ${report.scriptName}`}>
      <SimulationSummary report={report} />
      <RunsTable key={`runs-${script.file}`} runs={report.runs} startEpochMs={report.startEpochMs} />
      <ExpectationList expectations={report.expectations} />
      <TraceTable key={`trace-${script.file}`} rows={report.trace} startEpochMs={report.startEpochMs} />
    </article>
  );
}
