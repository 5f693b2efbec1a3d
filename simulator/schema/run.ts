import { z } from 'zod';
import { runStatusSchema, stopReasonSchema } from './script.ts';
import { failReasonSchema } from './trace.ts';

/** Where one run of one Workflow for one contact stands (at the end of a simulation, or now). */
export const runStateSchema = z.object({
  run: z.number().int().min(0),
  workflow: z.string(),
  contact: z.string(),
  status: runStatusSchema,
  reason: z.union([stopReasonSchema, failReasonSchema]).optional(),
  /** The user whose action stopped it: by hand (`manual`), or the message or assignment that met an exit condition. */
  stoppedBy: z.string().optional(),
  /** The step the run is at (active) or was at when it ended. */
  atStep: z.string().optional(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  /** What an active run waits for. */
  waitingFor: z.enum(['timer', 'reply']).optional(),
  /** When the pending timer of an active run is due (ms since start). */
  due: z.number().optional(),
  /** The version of its Workflow the run follows when a script's publish made it live (2 for the first), moved there or started on it. */
  version: z.number().int().min(2).optional(),
  /** A paused run: since when, … */
  pausedAt: z.number().optional(),
  /** … what its frozen timer had left when it paused (ms), … */
  remaining: z.number().optional(),
  /** … and when it resumes if the team stays quiet (absent: when the conversation is closed). */
  resumesAt: z.number().optional(),
});
export type RunState = z.infer<typeof runStateSchema>;

/** Where one contact's conversation stands: who it is assigned to and whether it is open. */
export const contactStateSchema = z.object({
  contact: z.string(),
  /** The user (id) the contact is assigned to; absent when unassigned. */
  assignee: z.string().optional(),
  open: z.boolean(),
});
export type ContactState = z.infer<typeof contactStateSchema>;
