import { z } from 'zod';
import { expectationResultSchema, inputProblemSchema } from './result.ts';
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
 * trace entries) with the names and sentences the engine gives them.
 */
export const simulationReportSchema = z.object({
  scriptName: z.string(),
  /** The script's start, epoch ms: trace times are offsets from it. */
  startEpochMs: z.number(),
  workflowNames: z.array(z.string()),
  runs: z.array(runRowSchema),
  expectations: z.array(expectationResultSchema),
  trace: z.array(traceRowSchema),
  eventsProcessed: z.number().int().min(0),
  traceHash: z.string(),
});
export type SimulationReport = z.infer<typeof simulationReportSchema>;

/** The worker's answer to "report": the report of what is loaded, or why there is none. */
export const simulationReportOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), report: simulationReportSchema }),
  z.object({ ok: z.literal(false), problems: z.array(inputProblemSchema).min(1) }),
]);
export type SimulationReportOutcome = z.infer<typeof simulationReportOutcomeSchema>;
