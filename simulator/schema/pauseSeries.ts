import { z } from 'zod';

const countSchema = z.number().int().min(0);

/** One stretch of virtual time: how many runs an exit condition paused in it, and how many paused runs carried on. */
export const pausesBucketSchema = z.object({
  /** Where the stretch starts, ms since the script's start (inclusive). */
  from: z.number().int().min(0),
  /** Where it ends (exclusive): `from` plus the bucket width. */
  to: z.number().int().min(1),
  paused: countSchema,
  resumed: countSchema,
});

/**
 * When a population's runs were handed to the team and back: pauses and resumes in the same
 * buckets as the stops over time (same `end`, same count, so bucket `i` of one is bucket `i` of
 * the other), their sums, and the runs still paused when the counts were read.
 */
export const pausesOverTimeSchema = z.object({
  end: z.number().min(0),
  asOf: z.number().min(0),
  bucketMs: z.number().int().min(1),
  buckets: z.array(pausesBucketSchema).min(1),
  total: z.object({ paused: countSchema, resumed: countSchema }),
  /** Runs paused at `asOf`: held for the team, to resume by the Workflow's rule. */
  pausedNow: countSchema,
});

/** Runs paused at each step of a Workflow now, for the funnel: only the steps that hold one. */
export const pausedAtStepsSchema = z.object({
  workflow: z.string(),
  steps: z.array(z.object({ step: z.string(), paused: countSchema.min(1) })),
});

export type PausesBucket = z.infer<typeof pausesBucketSchema>;
export type PausesOverTime = z.infer<typeof pausesOverTimeSchema>;
export type PausedAtSteps = z.infer<typeof pausedAtStepsSchema>;
