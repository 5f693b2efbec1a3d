import { z } from 'zod';
import { expectationResultSchema, resultSchema } from './result.ts';
import { runStateSchema } from './run.ts';
import { traceEntrySchema } from './trace.ts';

/** One run at the end of a simulation, with the names and words people read. */
export const runRowSchema = z.object({
  state: runStateSchema,
  contactName: z.string(),
  workflowName: z.string(),
  /** The label of the step the run is at or ended at. */
  stepLabel: z.string(),
  /** Why it stopped or failed, in the engine's words; absent for active and completed runs. */
  reasonText: z.string().optional(),
  /** The name of the user whose action stopped it. */
  stoppedByName: z.string().optional(),
});
export type RunRow = z.infer<typeof runRowSchema>;

/** One trace entry, with the names and the sentence people read. */
export const traceRowSchema = z.object({
  entry: traceEntrySchema,
  contactName: z.string(),
  /** '' for an entry that concerns no Workflow (an external event). */
  workflowName: z.string(),
  stepLabel: z.string(),
  /** The engine's sentence for the entry (`describeEntry`). */
  description: z.string(),
});
export type TraceRow = z.infer<typeof traceRowSchema>;

/**
 * What a script run to the end shows: the engine's own records (run states, expectation results,
 * trace entries) with the names and sentences the engine gives them. `runs` and `trace` are the
 * first rows only; `runCount` and `traceCount` say how many there are (more come as pages).
 */
export const simulationReportSchema = z.object({
  scriptName: z.string(),
  /** The script's start, epoch ms: trace times are offsets from it. */
  startEpochMs: z.number(),
  workflowNames: z.array(z.string()),
  expectations: z.array(expectationResultSchema),
  eventsProcessed: z.number().int().min(0),
  traceHash: z.string(),
  runCount: z.number().int().min(0),
  traceCount: z.number().int().min(0),
  runs: z.array(runRowSchema),
  trace: z.array(traceRowSchema),
});
export type SimulationReport = z.infer<typeof simulationReportSchema>;

/** The most rows one page request brings: "Show all" of a large population asks page by page. */
export const MAX_REPORT_ROWS = 5_000;

/** A request for more rows of the report: runs or trace entries from `from` on. */
export const reportRowsRequestSchema = z.object({
  kind: z.enum(['runs', 'trace']),
  from: z.number().int().min(0),
  count: z.number().int().min(1).max(MAX_REPORT_ROWS),
});
export type ReportRowsRequest = z.infer<typeof reportRowsRequestSchema>;

/** The worker's answer to a page request, for the report it last made (`traceHash` names it). */
export const reportRowsSchema = resultSchema(
  { kind: z.literal('runs'), traceHash: z.string(), from: z.number().int().min(0), rows: z.array(runRowSchema) },
  { kind: z.literal('trace'), traceHash: z.string(), from: z.number().int().min(0), rows: z.array(traceRowSchema) },
);
export type ReportRows = z.infer<typeof reportRowsSchema>;

/** The worker's answer to "report": the report of what is loaded, or why there is none. */
export const simulationReportOutcomeSchema = resultSchema({ report: simulationReportSchema });
export type SimulationReportOutcome = z.infer<typeof simulationReportOutcomeSchema>;
