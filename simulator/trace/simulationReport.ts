import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runState } from '../engine/materialize.ts';
import type { Simulation } from '../engine/simulation.ts';
import { hashTrace } from '../engine/traceHash.ts';
import type { RunRow, SimulationReport, TraceRow } from '../schema/report.ts';
import type { Script } from '../schema/script.ts';
import { describeEntry, describeReason } from './describeEntry.ts';
import { traceNames } from './traceNames.ts';

/**
 * How many runs and trace entries a report carries at first: enough for a script's story, few
 * enough that the page draws them in one short task while playback goes on (more on request).
 */
export const REPORT_PAGE = 50;

/**
 * What a simulation recorded, for people: its verdict, the script's expectations checked, and
 * the first `rows` runs and trace entries with the names and sentences of the engine — the rest
 * come a page at a time (`reportRunRows`, `reportTraceRows`), so a 10,000-contact population's
 * report is small. Plain data, as the worker hands it over. Give it a simulation run to the end.
 *
 * @example simulationReport(prepared.simulation.runToEnd(), script)
 */
export function simulationReport(sim: Simulation, script: Script, rows = REPORT_PAGE): SimulationReport {
  return {
    scriptName: script.name,
    startEpochMs: sim.startEpochMs,
    workflowNames: sim.workflows.map((workflow) => workflow.name),
    expectations: checkExpectations(sim, script),
    eventsProcessed: sim.eventsProcessed,
    traceHash: hashTrace(sim),
    runCount: sim.runs.length,
    traceCount: sim.trace.length,
    runs: reportRunRows(sim, 0, rows),
    trace: reportTraceRows(sim, 0, rows),
  };
}

/** Runs `from` to `from + count` (fewer at the end), in the order they started. */
export function reportRunRows(sim: Simulation, from: number, count: number): RunRow[] {
  const names = traceNames(sim);
  const stepLabel = stepLabels(sim);
  const to = Math.min(sim.runs.length, from + count);
  return Array.from({ length: Math.max(0, to - from) }, (_, i): RunRow => {
    const state = runState(sim, from + i);
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
}

/** Trace entries `from` to `from + count` (fewer at the end), in order. */
export function reportTraceRows(sim: Simulation, from: number, count: number): TraceRow[] {
  const names = traceNames(sim);
  const stepLabel = stepLabels(sim);
  const to = Math.min(sim.trace.length, from + count);
  return Array.from({ length: Math.max(0, to - from) }, (_, i): TraceRow => {
    const entry = materializeEntry(sim, from + i);
    return {
      entry,
      contactName: names.contact(entry.contact),
      workflowName: entry.workflow === undefined ? '' : names.workflow(entry.workflow),
      stepLabel: stepLabel(entry.workflow, entry.step),
      description: describeEntry(entry, names),
    };
  });
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
