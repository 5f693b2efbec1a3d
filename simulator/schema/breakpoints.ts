import { z } from 'zod';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { resultSchema } from './result.ts';
import { stopReasonSchema } from './settings.ts';

/** Pause when a run enters this step (the trigger: when a run starts; the When stopped entry: when its path begins). */
export const stepBreakpointSchema = z.strictObject({
  /** The Workflow's id: every version of it, the step matched by its id. */
  workflow: idSchema,
  step: idSchema,
});

/**
 * Where playback pauses by itself: runs entering chosen steps, any run stopping, or a run stopping
 * for one of the chosen reasons. Counts are bounded, so a hostile list is refused before it is read.
 */
export const breakpointsSchema = z.strictObject({
  steps: z.array(stepBreakpointSchema).max(LIMITS.breakpoints, `At most ${LIMITS.breakpoints} step breakpoints`).default([]),
  anyStop: z.boolean().default(false),
  stopReasons: z
    .array(stopReasonSchema)
    .max(stopReasonSchema.options.length)
    .refine((reasons) => new Set(reasons).size === reasons.length, 'Name each stop reason once')
    .default([]),
});
export type Breakpoints = z.infer<typeof breakpointsSchema>;
export type BreakpointsInput = z.input<typeof breakpointsSchema>;

/** A breakpoint that names nothing loaded now: kept (a later load may have it), but it pauses nothing. */
export const ignoredBreakpointSchema = z.object({
  /** Its place in the request, as a JSON path (`$.steps[3]`). */
  path: z.string(),
  message: z.string(),
});

/** The breakpoints as set, and the ones that pause nothing in what is loaded, with why. */
export const setBreakpointsResultSchema = resultSchema({ breakpoints: breakpointsSchema, ignored: z.array(ignoredBreakpointSchema) });
export type SetBreakpointsResult = z.infer<typeof setBreakpointsResultSchema>;

/** The trace entries a breakpoint pauses at. */
export const breakpointEntryKindSchema = z.enum(['run.started', 'step', 'when_stopped.started', 'run.stopped']);

/**
 * The trace entry playback paused at, reported on the frame of the call that paused: the canvas
 * centres on `workflow`/`step` and the trace selects `seq`. The frame shows the state right after
 * the queued event or timer that wrote this entry (see SEMANTICS.md, "Breakpoints").
 */
export const breakpointHitSchema = z.object({
  seq: z.number().int().min(0),
  t: z.number().min(0),
  kind: breakpointEntryKindSchema,
  /** Which breakpoint it met: a step's, "any run stops", or a chosen stop reason. */
  by: z.enum(['step', 'any_stop', 'stop_reason']),
  workflow: z.string(),
  /** The step entered, or the step the run stopped at. */
  step: z.string(),
  contact: z.string(),
  run: z.number().int().min(0),
  /** A stop's reason. */
  reason: stopReasonSchema.optional(),
});
export type BreakpointHit = z.infer<typeof breakpointHitSchema>;
