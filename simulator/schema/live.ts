import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { resultSchema } from './result.ts';
import { contactStateSchema, runStateSchema } from './run.ts';
import { publishPolicySchema, scriptSchema } from './script.ts';
import { traceEntrySchema } from './trace.ts';
import { workflowDocumentSchema } from './workflowMigrations.ts';

/** New versions of Workflows by the `file` the publishes name. */
const versionsSchema = z
  .record(z.string().min(1).max(500), workflowDocumentSchema)
  .refine((versions) => Object.keys(versions).length <= LIMITS.workflows, `At most ${LIMITS.workflows} new versions`);

/**
 * What starts a live session: the Workflows to run, the script that names its cast and start, and
 * the new versions its publishes name (a session kept from before a reload replays them).
 */
export const liveStartSchema = z.object({
  workflows: z.array(workflowDocumentSchema).min(1, 'Load at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`),
  base: scriptSchema,
  versions: versionsSchema.optional(),
});

/** A new version of a Workflow published now: which Workflow, the name it is kept under, what becomes of its runs in flight. */
export const livePublishSchema = z.strictObject({
  workflow: z.string().min(1, 'Name the Workflow (its name or id)').max(120),
  file: z.string().min(1, "Name the new version's file").max(500),
  policy: publishPolicySchema,
  version: workflowDocumentSchema,
});

/** A version a publish made live in the session: its Workflow, its number as run states give it (2 for the first publish), the file it came from. */
export const publishedVersionSchema = z.object({
  workflow: z.string(),
  version: z.number().int().min(2),
  file: z.string(),
});

/** What a session is kept as: its script and the new versions that script's publishes name. */
export const liveRecordingSchema = z.object({ script: scriptSchema, versions: z.record(z.string(), workflowDocumentSchema) });

/** Why the live clock stopped short of where it was sent: its words, and the instant it stopped at. */
export const liveHaltSchema = z.object({
  reason: z.enum(['horizon', 'advance_limit', 'session_full']),
  at: z.number().min(0),
  message: z.string(),
});

/**
 * Where a live session stands after a command or a tick of its clock. The trace is sent as a
 * splice — keep the entries before `from`, then append `entries` — so a tick sends only what is new,
 * while a command (which re-simulates from the start) may send it all.
 */
export const liveUpdateSchema = z.object({
  /** Virtual time, ms since the script's start. */
  time: z.number().min(0),
  /** When the next timer is due, or null when nothing is pending. */
  nextDue: z.number().min(0).nullable(),
  /** Why the last advance stopped short, if it did (the UI shows the message). */
  halted: liveHaltSchema.nullable().optional(),
  runs: z.array(runStateSchema),
  contacts: z.array(contactStateSchema),
  /** Each version a publish made live, in the order they went live (absent: none). */
  published: z.array(publishedVersionSchema).optional(),
  trace: z.object({ from: z.number().int().min(0), entries: z.array(traceEntrySchema) }),
});

export const liveResultSchema = resultSchema({ update: liveUpdateSchema });

export type LiveStart = z.infer<typeof liveStartSchema>;
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;
export type LiveHalt = z.infer<typeof liveHaltSchema>;
export type LivePublish = z.infer<typeof livePublishSchema>;
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;
export type LiveRecording = z.infer<typeof liveRecordingSchema>;
export type LiveResult = z.infer<typeof liveResultSchema>;
