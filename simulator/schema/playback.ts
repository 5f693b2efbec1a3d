import { z } from 'zod';
import { breakpointHitSchema } from './breakpoints.ts';
import { LIMITS } from './limits.ts';
import { expectationResultSchema, resultSchema } from './result.ts';
import { pausedAtStepsSchema, pausesOverTimeSchema } from './pauseSeries.ts';
import { stepFunnelSchema, stopsOverTimeSchema } from './population.ts';
import { runStateSchema } from './run.ts';
import { scriptSchema, stopReasonSchema } from './script.ts';
import { traceEntrySchema } from './trace.ts';
import { workflowDocumentSchema } from './workflowMigrations.ts';

/** What the simulator workspace plays: Workflows and one script. */
export const playbackLoadSchema = z.object({
  workflows: z.array(workflowDocumentSchema).min(1, 'Load at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`),
  script: scriptSchema,
  /** The new versions the script's publishes name, by their `file`. */
  versions: z
    .record(z.string().max(500), workflowDocumentSchema)
    .refine((versions) => Object.keys(versions).length <= LIMITS.workflows, `At most ${LIMITS.workflows} new versions`)
    .optional(),
});

/** A place on the timeline worth a mark: an external event, or a run stopping. */
export const timelineMarkSchema = z.object({
  t: z.number().min(0),
  kind: z.enum(['event', 'stop']),
  /** How many happened at this instant (a population bunches them). */
  count: z.number().int().min(1),
});

/** What a loaded playback is: its timeline, for the scrubber, and its contacts, to pick one. */
export const playbackInfoSchema = z.object({
  startEpochMs: z.number(),
  timeZone: z.string(),
  /** When the last thing happens (ms since start): the end of the timeline. */
  end: z.number().min(0),
  marks: z.array(timelineMarkSchema),
  /** The contacts to pick from (a population's first ones only). */
  contacts: z.array(z.object({ id: z.string(), name: z.string() })),
  contactCount: z.number().int().min(0),
  /**
   * Set when the simulation stopped at its work cap (LIMITS.traceEntries) before its horizon: the
   * timeline ends there, and the sentence says so (from the engine's words).
   */
  stoppedShort: z.object({ entries: z.number().int().min(0), at: z.number().min(0), message: z.string() }).nullable().optional(),
  /** The script's expectations, checked on the whole run, each with the instant of the trace entry that shows why. */
  expectations: z.array(expectationResultSchema.extend({ at: z.number().min(0).optional() })),
});

/** One step's counts at the current instant. */
export const nodeStatSchema = z.object({
  workflow: z.string(),
  step: z.string(),
  passed: z.number().int().min(0),
  waiting: z.number().int().min(0),
  completed: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** Runs paused there now: held for the team, to resume by the Workflow's rule. */
  paused: z.number().int().min(0),
  stopped: z.partialRecord(stopReasonSchema, z.number().int().min(1)),
});

/**
 * One frame of playback, small on purpose: per-step counts and the selected contact's changes
 * (its runs, and its trace as a splice: keep the entries before `from`, append `entries`) — never
 * the whole trace of a population, and of one contact at most a few windows of its latest entries
 * (`CONTACT_TRACE_WINDOW`; `omitted` says how many came before).
 */
export const playbackFrameSchema = z.object({
  time: z.number().min(0),
  /** When the next queued thing is due, or null at the end. */
  nextEventTime: z.number().min(0).nullable(),
  done: z.boolean(),
  stats: z.array(nodeStatSchema),
  runCount: z.number().int().min(0),
  eventsProcessed: z.number().int().min(0),
  /**
   * Set on the frame of the call that a breakpoint paused: the entry it paused at. Absent on every
   * other frame, so playing on after a pause clears it.
   */
  hit: breakpointHitSchema.optional(),
  contact: z.object({
    id: z.string(),
    runs: z.array(runStateSchema),
    trace: z.object({
      from: z.number().int().min(0),
      entries: z.array(traceEntrySchema),
      /**
       * The contact's entries before the first one the page holds: left out so that a frame stays
       * small when one contact has hundreds of thousands (a Workflow that loops every second).
       */
      omitted: z.number().int().min(0).optional(),
    }),
  }).nullable(),
});

/** How a seek treats breakpoints on the way forward: `pass` goes to the instant regardless (a link's `at=`, a reload). */
export const seekOptionsSchema = z.strictObject({ breakpoints: z.enum(['stop', 'pass']).default('stop') }).optional();
export type SeekOptions = z.input<typeof seekOptionsSchema>;

export const playbackLoadResultSchema = resultSchema({ info: playbackInfoSchema, frame: playbackFrameSchema });

export const playbackResultSchema = resultSchema({ frame: playbackFrameSchema });

export type PlaybackLoad = z.infer<typeof playbackLoadSchema>;
export type PlaybackInfo = z.infer<typeof playbackInfoSchema>;
export type TimelineMark = z.infer<typeof timelineMarkSchema>;
export type NodeStat = z.infer<typeof nodeStatSchema>;
export type PlaybackFrame = z.infer<typeof playbackFrameSchema>;
export type PlaybackLoadResult = z.infer<typeof playbackLoadResultSchema>;
export type PlaybackResult = z.infer<typeof playbackResultSchema>;

/** A population's charts at the current instant: stops over the whole timeline by reason, and the funnel of one Workflow. */
export const populationChartsResultSchema = resultSchema({ stops: stopsOverTimeSchema, funnel: stepFunnelSchema, pauses: pausesOverTimeSchema, pausedAtSteps: pausedAtStepsSchema });
export type PopulationChartsResult = z.infer<typeof populationChartsResultSchema>;
