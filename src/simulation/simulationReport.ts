import type { ExpectationResult } from '../../simulator/schema/result.ts';
import type { RunState } from '../../simulator/schema/run.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import type { FileProblem } from '../examples/fileProblem.ts';

/**
 * What the screen shows of a finished simulation: the engine's own records (`RunState`,
 * `ExpectationResult`, `TraceEntry`) with the names and sentences the engine gives them. Plain
 * data only, so it can later come back from a Web Worker unchanged.
 */
export interface SimulationReport {
  readonly scriptName: string;
  /** The script's start, epoch ms: trace times are offsets from it. */
  readonly startEpochMs: number;
  readonly workflowNames: readonly string[];
  readonly runs: readonly RunRow[];
  readonly expectations: readonly ExpectationResult[];
  readonly trace: readonly TraceRow[];
  readonly eventsProcessed: number;
  readonly traceHash: string;
}

export interface RunRow {
  readonly state: RunState;
  readonly contactName: string;
  readonly workflowName: string;
  /** The label of the step the run is at or ended at. */
  readonly stepLabel: string;
  /** Why it stopped or failed, in the engine's words; absent for active and completed runs. */
  readonly reasonText?: string;
  /** The name of the user whose action stopped it. */
  readonly stoppedByName?: string;
}

export interface TraceRow {
  readonly entry: TraceEntry;
  readonly contactName: string;
  readonly workflowName: string;
  readonly stepLabel: string;
  /** The engine's sentence for the entry (`describeEntry`). */
  readonly description: string;
}

export type SimulationOutcome = { readonly ok: true; readonly report: SimulationReport } | { readonly ok: false; readonly problems: readonly FileProblem[] };
