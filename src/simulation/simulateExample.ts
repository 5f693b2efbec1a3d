import { checkExpectations } from '../../simulator/engine/expectations.ts';
import { materializeEntry, runStates } from '../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../simulator/engine/prepareSimulation.ts';
import type { Simulation } from '../../simulator/engine/simulation.ts';
import { hashTrace } from '../../simulator/engine/traceHash.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { describeEntry, describeReason } from '../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../simulator/trace/traceNames.ts';
import type { LoadedDocument } from '../examples/readDocument.ts';
import type { RunRow, SimulationOutcome, TraceRow } from './simulationReport.ts';

export interface ExampleInput {
  readonly workflows: readonly LoadedDocument<Workflow>[];
  readonly script: LoadedDocument<Script>;
}

/**
 * Runs a script against Workflows to the end (in this thread, for now) and reports what the
 * engine recorded. Inputs the engine refuses come back as problems naming their file.
 *
 * @example simulateExample({ workflows: [{ file, value: workflow }], script: { file, value: script } })
 */
export function simulateExample({ workflows, script }: ExampleInput): SimulationOutcome {
  const prepared = prepareSimulation({ workflows: workflows.map((document) => document.value), script: script.value });
  if (!prepared.ok) {
    return {
      ok: false,
      problems: prepared.problems.map((problem) => ({
        file: problem.source === 'script' ? script.file : (workflows[problem.index]?.file ?? `Workflow ${problem.index + 1}`),
        path: problem.path,
        message: problem.message,
      })),
    };
  }
  const sim = prepared.simulation.runToEnd();
  const names = traceNames(sim);
  const stepLabel = stepLabels(sim);
  const runs = runStates(sim).map((state): RunRow => {
    const stoppedBy = state.stoppedBy;
    return {
      state,
      contactName: names.contact(state.contact),
      workflowName: names.workflow(state.workflow),
      stepLabel: stepLabel(state.workflow, state.atStep),
      ...(state.reason === undefined ? {} : { reasonText: describeReason(state.reason) }),
      ...(stoppedBy === undefined ? {} : { stoppedByName: names.user(stoppedBy) }),
    };
  });
  const trace = Array.from({ length: sim.trace.length }, (_, i): TraceRow => {
    const entry = materializeEntry(sim, i);
    return {
      entry,
      contactName: names.contact(entry.contact),
      workflowName: entry.workflow === undefined ? '' : names.workflow(entry.workflow),
      stepLabel: stepLabel(entry.workflow, entry.step),
      description: describeEntry(entry, names),
    };
  });
  return {
    ok: true,
    report: {
      scriptName: script.value.name,
      startEpochMs: sim.startEpochMs,
      workflowNames: sim.workflows.map((workflow) => workflow.name),
      runs,
      expectations: checkExpectations(sim, script.value),
      trace,
      eventsProcessed: sim.eventsProcessed,
      traceHash: hashTrace(sim),
    },
  };
}

/** A step's label (unquoted, unlike the sentences' names), or '' when there is no step. */
function stepLabels(sim: Simulation): (workflowId: string | undefined, stepId: string | undefined) => string {
  const workflows = new Map(sim.workflows.map((workflow) => [workflow.id, workflow]));
  return (workflowId, stepId) => {
    if (workflowId === undefined || stepId === undefined) return '';
    const workflow = workflows.get(workflowId);
    const index = workflow?.nodeIndex.get(stepId);
    return (index === undefined ? undefined : workflow?.nodes[index]?.label) ?? stepId;
  };
}
