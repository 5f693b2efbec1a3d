import { z } from 'zod';
import { inputProblemSchema, resultSchema } from './result.ts';
import { runStatusSchema, stopReasonSchema } from './script.ts';
import { failReasonSchema } from './trace.ts';

const namedSchema = z.object({ id: z.string(), name: z.string() });

/** The two simulations of a script: on the Workflows as they were, and as they would be. */
export const diffSideSchema = z.enum(['before', 'after']);
export type DiffSide = z.infer<typeof diffSideSchema>;

/** How one run ended (or where it stands at the end) on one side. */
export const runOutcomeSchema = z.object({
  /** The run's number in that side's simulation (from 0, in the order runs started). */
  run: z.number().int().min(0),
  status: runStatusSchema,
  /** Why it stopped, failed or paused; absent for completed and active runs. */
  reason: z.union([stopReasonSchema, failReasonSchema]).optional(),
  /** Who stopped it by hand, or whose message or assignment met the exit condition. */
  stoppedBy: namedSchema.optional(),
  /** The step it ended, failed or paused at, or waits at (its label as that side's version has it). */
  atStep: z.object({ id: z.string(), label: z.string() }).optional(),
  startedAt: z.number().min(0),
  /** When it ended or paused (ms since the script's start); absent while active. */
  at: z.number().min(0).optional(),
  /** For an active run waiting on a timer: when it is due (ms since start). */
  due: z.number().min(0).optional(),
  /** The texts of the Workflow messages this run sent, in order. */
  sent: z.array(z.string()),
});
export type RunOutcome = z.infer<typeof runOutcomeSchema>;

/** What differs between the two sides of one run: `run` when it exists on one side only. */
export const outcomeChangeSchema = z.enum(['run', 'status', 'reason', 'step', 'messages']);
export type OutcomeChange = z.infer<typeof outcomeChangeSchema>;

/** A contact's first trace entry on one side that the other side does not have at that place. */
export const divergenceEntrySchema = z.object({
  /** Its index in that side's trace: where the simulator opens. */
  seq: z.number().int().min(0),
  t: z.number().min(0),
  /** The entry in words, with that side's names. */
  description: z.string(),
});
export type DivergenceEntry = z.infer<typeof divergenceEntrySchema>;

/**
 * Where the two sides part for a contact: its trace entries are the same on both sides up to
 * here. A side is null when its trace for the contact ended where the other one goes on.
 */
export const divergenceSchema = z.object({
  /** The earlier of the two entries' instants (ms since start). */
  t: z.number().min(0),
  before: divergenceEntrySchema.nullable(),
  after: divergenceEntrySchema.nullable(),
});
export type Divergence = z.infer<typeof divergenceSchema>;

/** One run whose outcome differs, matched by contact, Workflow and its place among that pair's runs. */
export const outcomeDifferenceSchema = z.object({
  /** The script's index among the inputs. */
  script: z.number().int().min(0),
  contact: namedSchema,
  /** The Workflow, named as the newer side names it. */
  workflow: namedSchema,
  /** 0 for the contact's first run of this Workflow, 1 for the second… */
  occurrence: z.number().int().min(0),
  /** Null when the run exists only on the other side. */
  before: runOutcomeSchema.nullable(),
  after: runOutcomeSchema.nullable(),
  changes: z.array(outcomeChangeSchema).min(1),
  /** Texts the run sent before and no longer sends, and the reverse (each as often as it differs). */
  noLongerSent: z.array(z.string()),
  newlySent: z.array(z.string()),
  /** Null only when the contact's traces are the same on both sides (the run differs in nothing the trace holds). */
  divergesAt: divergenceSchema.nullable(),
});
export type OutcomeDifference = z.infer<typeof outcomeDifferenceSchema>;

/** Why one side of a script could not be simulated: an input's problem, or the work budget. */
export const outcomeDiffProblemSchema = inputProblemSchema.extend({ side: diffSideSchema });
export type OutcomeDiffProblem = z.infer<typeof outcomeDiffProblemSchema>;

/** One script: the runs compared and those that differ, or why it was not compared. */
export const outcomeDiffRowSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    script: z.number().int().min(0),
    name: z.string(),
    /** Runs compared: those matched on both sides plus those on one side only. */
    runs: z.number().int().min(0),
    /** Runs whose outcome differs: as many as `differences` lists, unless a cap cut the list short. */
    changed: z.number().int().min(0),
    differences: z.array(outcomeDifferenceSchema),
  }),
  z.object({
    ok: z.literal(false),
    script: z.number().int().min(0),
    name: z.string(),
    problems: z.array(outcomeDiffProblemSchema).min(1),
  }),
]);
export type OutcomeDiffRow = z.infer<typeof outcomeDiffRowSchema>;

/** Every script's outcome diff, and the totals of the scripts that could be compared ("3 of 12 runs change"). */
export const outcomeDiffSchema = z.object({
  runs: z.number().int().min(0),
  changed: z.number().int().min(0),
  rows: z.array(outcomeDiffRowSchema),
});
export type OutcomeDiff = z.infer<typeof outcomeDiffSchema>;

/** The worker's answer to an outcome diff: the diff, or why the request was refused. */
export const outcomeDiffOutcomeSchema = resultSchema({ result: outcomeDiffSchema });
export type OutcomeDiffOutcome = z.infer<typeof outcomeDiffOutcomeSchema>;
