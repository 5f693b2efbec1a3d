import { z } from 'zod';
import { publishPolicySchema, scriptSchema } from '../../simulator/schema/script.ts';
import { workflowSchema } from '../../simulator/schema/workflow.ts';

/**
 * What IndexedDB holds, as zod schemas: every record is parsed with them when read, so a record
 * damaged by another program or an older build is reported, never trusted.
 */

/** A Workflow being drafted. `revision` grows by one on every write: the check against lost updates between tabs. */
export const workflowRecordSchema = z.object({
  id: z.string().min(1),
  revision: z.number().int().positive(),
  status: z.enum(['draft', 'published']),
  createdAt: z.number(),
  updatedAt: z.number(),
  publishedAt: z.number().nullable(),
  document: workflowSchema,
});
export type WorkflowRecord = z.infer<typeof workflowRecordSchema>;

/** Why a version was kept: by the app (automatic), on Publish, by the person ("Save version"), or by a restore. */
export const versionKindSchema = z.enum(['auto', 'publish', 'manual', 'restore']);
export type VersionKind = z.infer<typeof versionKindSchema>;

/**
 * Characters of a version's note. "Save version" refuses a longer one before saving, with the same
 * number: a version stored with one would fail this schema when read and be left out of the history.
 */
export const VERSION_NOTE_CHARS = 500;

/** A snapshot of a Workflow at one moment, in its history. */
export const versionRecordSchema = z.object({
  id: z.number().int().positive(),
  workflowId: z.string().min(1),
  createdAt: z.number(),
  kind: versionKindSchema,
  note: z.string().max(VERSION_NOTE_CHARS),
  /** The revision of the Workflow this snapshot was taken from. */
  revision: z.number().int().positive(),
  document: workflowSchema,
  /**
   * On a `publish` version: what the person chose for the runs in flight on the version before
   * (finish on it, stop, move to this one). Absent on other kinds and on records from before the
   * choice existed, which are read as `finish`, what publishing did then.
   */
  policy: publishPolicySchema.optional(),
});
export type VersionRecord = z.infer<typeof versionRecordSchema>;

/**
 * A script saved with a Workflow. `revision` grows by one on every write, as a Workflow's does: a
 * save from a tab that read an older revision is refused, never written over another tab's save.
 * Records kept by builds before the check have none and are read as revision 1.
 */
export const scriptRecordSchema = z.object({
  id: z.string().min(1),
  workflowId: z.string().min(1),
  revision: z.number().int().positive(),
  updatedAt: z.number(),
  document: scriptSchema,
});
export type ScriptRecord = z.infer<typeof scriptRecordSchema>;

/** Where the person was, so reopening after a crash puts them back there. */
export const lastViewRecordSchema = z.object({
  key: z.literal('last-view'),
  workflowId: z.string().min(1).nullable(),
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }).nullable(),
  /**
   * The Workflow whose builder was the screen shown last, or null when another screen was (the
   * overview, Messages, the simulator): `workflowId` stays open in the store after leaving the
   * builder. Records from before have none and reopen `workflowId`.
   */
  shownInBuilder: z.string().min(1).nullable().optional(),
  /**
   * The simulator's breakpoints as last set, per workspace (`workflow:<id>` for a stored Workflow's,
   * `examples` for the bundled examples'), in the address's own `bp=` form: opening the simulator
   * without them in its address brings them back. Read through the address's parser, so a damaged
   * one brings none. Records from before have none.
   */
  simulatorBreakpoints: z.record(z.string().max(300), z.string().max(250_000)).optional(),
  savedAt: z.number(),
});
export type LastViewRecord = z.infer<typeof lastViewRecordSchema>;

/**
 * A live session of the Messages view, so a reload or a crash resumes it: its script (the cast,
 * the start and every command, as recorded) and how far its virtual clock had gone. One record per
 * tab, under a key of the tab's own (see liveSessionRepository's `claimLiveSession`); the one
 * record builds before that kept is under `current`.
 */
export const liveSessionRecordSchema = z.object({
  key: z.string().min(1),
  script: scriptSchema,
  /** Virtual time, ms since the script's start. */
  time: z.number().int().min(0),
  /** Who the person was working as ("Working as"), so a reload does not change who acts; absent in records from before. */
  userId: z.string().max(64).optional(),
  /**
   * The Workflows the session started with, so a reload replays what it played even when the stored
   * ones changed since; absent in records from before, which resume on the stored Workflows.
   */
  workflows: z.array(workflowSchema).optional(),
  /** The new versions the script's publishes name, by their `file`; absent in records from before (none). */
  versions: z.record(z.string(), workflowSchema).optional(),
  /**
   * The newest stored version (its id) when the session started: publishes up to it were made
   * before and are not played into the session. Absent in records from before: read as the newest
   * when resumed.
   */
  publishedSince: z.number().int().min(0).optional(),
  savedAt: z.number(),
});
export type LiveSessionRecord = z.infer<typeof liveSessionRecordSchema>;
