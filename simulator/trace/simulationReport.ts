import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runStates } from '../engine/materialize.ts';
import type { Simulation } from '../engine/simulation.ts';
import { hashTrace } from '../engine/traceHash.ts';
import type { RunRow, SimulationReport, TraceRow } from '../schema/report.ts';
import type { Script } from '../schema/script.ts';
import { describeEntry, describeReason } from './describeEntry.ts';
import { traceNames } from './traceNames.ts';

/**
 * What a simulation recorded, for people: every run's state and every trace entry with the names
 * and sentences of the engine, and the script's expectations checked. Plain data, as the worker
 * hands it over. Give it a simulation run to the end for the end-of-run report.
 *
 * @example simulationReport(prepared.simulation.runToEnd(), script)
 */
export function simulationReport(sim: Simulation, script: Script): SimulationReport {
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
    scriptName: script.name,
    startEpochMs: sim.startEpochMs,
    workflowNames: sim.workflows.map((workflow) => workflow.name),
    runs,
    expectations: checkExpectations(sim, script),
    trace,
    eventsProcessed: sim.eventsProcessed,
    traceHash: hashTrace(sim),
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
