import { z } from 'zod';
import { stopReasonSchema } from './script.ts';

const countSchema = z.number().int().min(0);

/** A count for every stop reason (all four keys, zeros included): what one stack of the chart shows. */
export const stopCountsSchema = z.record(stopReasonSchema, countSchema);

/** One stretch of virtual time and the runs that stopped in it, by reason. */
export const stopsBucketSchema = z.object({
  /** Where the stretch starts, ms since the script's start (inclusive). */
  from: z.number().int().min(0),
  /** Where it ends (exclusive): `from` plus the bucket width. */
  to: z.number().int().min(1),
  stopped: stopCountsSchema,
});

/**
 * When a population's runs stopped, and why: the timeline from 0 to `end` cut into buckets of a
 * round width (`bucketMs`: 1s … 1h … 1d …), so the axis reads `+6h`, `+12h`, `+1d`.
 */
export const stopsOverTimeSchema = z.object({
  /** The last instant the buckets cover, ms since start; the last bucket holds it. */
  end: z.number().min(0),
  /** The instant the counts were read at: `end`, or the clock of a simulation still short of it. */
  asOf: z.number().min(0),
  bucketMs: z.number().int().min(1),
  /** Consecutive buckets from 0: bucket `i` is `[i × bucketMs, (i + 1) × bucketMs)`. */
  buckets: z.array(stopsBucketSchema).min(1),
  /** The buckets' sums per reason. */
  total: stopCountsSchema,
});

/** One step of a Workflow's funnel: how many runs got there, and where the ones that stayed are. */
export const funnelStepSchema = z.object({
  step: z.string(),
  label: z.string(),
  /** `trigger`, or the step's type (`send_message`, `wait`…). */
  type: z.string(),
  /**
   * Runs that reached the step: for the trigger, the runs started; for a step, the runs that
   * executed it, each counted once however often a loop brought it back.
   */
  reached: countSchema,
  /** Times the step was executed (its `step` trace entries; for the trigger, runs started). */
  passes: countSchema,
  /** Runs that are at this step now (waiting), or ended here: completed, failed, stopped by reason. */
  waiting: countSchema,
  completed: countSchema,
  failed: countSchema,
  stopped: stopCountsSchema,
});

/** A Workflow's steps in path order (the trigger, then breadth-first along its edges), with their counts. */
export const stepFunnelSchema = z.object({
  workflow: z.string(),
  name: z.string(),
  steps: z.array(funnelStepSchema).min(1),
});

export type StopCounts = z.infer<typeof stopCountsSchema>;
export type StopsBucket = z.infer<typeof stopsBucketSchema>;
export type StopsOverTime = z.infer<typeof stopsOverTimeSchema>;
export type FunnelStep = z.infer<typeof funnelStepSchema>;
export type StepFunnel = z.infer<typeof stepFunnelSchema>;
