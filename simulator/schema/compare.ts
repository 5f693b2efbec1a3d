import { z } from 'zod';
import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS } from './exitConditions.ts';
import { inputProblemSchema, resultSchema } from './result.ts';
import { runStatusSchema, stopReasonSchema } from './script.ts';
import { exitActionSchema, exitConditionSchema } from './settings.ts';
import { failReasonSchema } from './trace.ts';

/** The id of a Compare column that pauses the run on one condition instead of stopping it: `outgoing-pause`. */
export const pauseColumnId = <Column extends string>(column: Column): `${Column}-pause` => `${column}-pause`;

/**
 * The exit-condition configurations "Compare" runs every script under: off, each condition alone
 * (its catalogue column) stopping the run and then pausing it, all.
 */
export const exitConfigurationIdSchema = z.enum([
  'off',
  ...EXIT_CONDITION_IDS.flatMap((condition) => {
    const column = EXIT_CONDITION_CATALOGUE[condition].compareColumn;
    return [column, pauseColumnId(column)];
  }),
  'all',
] as const);
export type ExitConfigurationId = z.infer<typeof exitConfigurationIdSchema>;

/**
 * One column of the comparison: a label for people and the `exitConditions` it gives a Workflow.
 * With `actions`, what each chosen condition does (stop or pause) is the column's; without, the
 * Workflow's own.
 */
export const exitConfigurationSchema = z.object({
  id: exitConfigurationIdSchema,
  label: z.string(),
  exitConditions: z.object({
    enabled: z.boolean(),
    on: z.array(exitConditionSchema),
    actions: z.partialRecord(exitConditionSchema, exitActionSchema).optional(),
  }),
});
export type ExitConfiguration = z.infer<typeof exitConfigurationSchema>;

const namedSchema = z.object({ id: z.string(), name: z.string() });

/** How one run ended (or where it still stands) under one configuration. */
export const compareRunSchema = z.object({
  /** The run's number in its simulation (they count from 0 in the order runs started). */
  run: z.number().int().min(0),
  contact: namedSchema,
  workflow: namedSchema,
  status: runStatusSchema,
  /** Why it stopped, failed or paused; absent for completed and active runs. */
  reason: z.union([stopReasonSchema, failReasonSchema]).optional(),
  /** Who stopped it by hand, or whose message or assignment met the exit condition. */
  stoppedBy: namedSchema.optional(),
  /** The step it stopped, completed or failed at, or is waiting at. */
  atStep: z.object({ id: z.string(), label: z.string() }).optional(),
  startedAt: z.number().min(0),
  /** When it stopped, completed, failed or paused (ms since the script's start); absent while active. */
  at: z.number().min(0).optional(),
  /** For an active run: what it waits for, and when its timer is due (ms since start). */
  waitingFor: z.enum(['timer', 'reply']).optional(),
  due: z.number().min(0).optional(),
  /** For a paused run: what its frozen timer had left (ms), and when it resumes if the team stays quiet (absent: when the conversation is closed). */
  remaining: z.number().min(0).optional(),
  resumesAt: z.number().min(0).optional(),
  /** How many times an exit condition paused the run (a paused run's own pause included); absent when it never paused. */
  pauses: z.number().int().min(1).optional(),
});
export type CompareRun = z.infer<typeof compareRunSchema>;

/** A Workflow message sent under "off" that this configuration did not send. */
export const notSentMessageSchema = z.object({
  contact: namedSchema,
  workflow: namedSchema,
  step: z.object({ id: z.string(), label: z.string() }),
  text: z.string(),
  /** When it was sent under "off" (ms since start). */
  at: z.number().min(0),
});
export type NotSentMessage = z.infer<typeof notSentMessageSchema>;

/** Why a cell could not be simulated: the inputs' problems, or a bad choice of Workflow (`options`). */
export const compareProblemSchema = inputProblemSchema.extend({ source: z.enum(['workflow', 'script', 'options']) });
export type CompareProblem = z.infer<typeof compareProblemSchema>;

/** One script under one configuration. */
export const compareCellSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    configuration: exitConfigurationIdSchema,
    /** Every run of the compared Workflow(s), in the order they started. */
    runs: z.array(compareRunSchema),
    /** Workflow messages (of any loaded Workflow) sent under "off" but not here; empty for "off" itself. */
    notSent: z.array(notSentMessageSchema),
  }),
  z.object({
    ok: z.literal(false),
    configuration: exitConfigurationIdSchema,
    problems: z.array(compareProblemSchema).min(1),
  }),
]);
export type CompareCell = z.infer<typeof compareCellSchema>;

/** One script: its cells in the order of `configurations`. */
export const compareRowSchema = z.object({
  /** The script's index among the inputs. */
  script: z.number().int().min(0),
  name: z.string(),
  cells: z.array(compareCellSchema),
});
export type CompareRow = z.infer<typeof compareRowSchema>;

/** The whole comparison: rows are scripts, columns are configurations. */
export const compareResultSchema = z.object({
  configurations: z.array(exitConfigurationSchema),
  /** The Workflow the configurations were applied to (id), or null when applied to every Workflow. */
  workflow: z.string().nullable(),
  rows: z.array(compareRowSchema),
});
export type CompareResult = z.infer<typeof compareResultSchema>;

/** What the worker's Compare answers: the grid, or why the request was refused. */
export const compareOutcomeSchema = resultSchema({ result: compareResultSchema });
export type CompareOutcome = z.infer<typeof compareOutcomeSchema>;
