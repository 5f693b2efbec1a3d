import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { resultSchema } from './result.ts';
import { contactStateSchema, runStateSchema } from './run.ts';
import { scriptSchema } from './script.ts';
import { traceEntrySchema } from './trace.ts';
import { workflowDocumentSchema } from './workflowMigrations.ts';

/** What starts a live session: the Workflows to run and the script that names its cast and start. */
export const liveStartSchema = z.object({
  workflows: z.array(workflowDocumentSchema).min(1, 'Load at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`),
  base: scriptSchema,
});

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
  trace: z.object({ from: z.number().int().min(0), entries: z.array(traceEntrySchema) }),
});

export const liveResultSchema = resultSchema({ update: liveUpdateSchema });

export type LiveStart = z.infer<typeof liveStartSchema>;
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;
export type LiveHalt = z.infer<typeof liveHaltSchema>;
export type LiveResult = z.infer<typeof liveResultSchema>;
