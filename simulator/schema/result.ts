import { z } from 'zod';
import { expectationSchema } from './script.ts';

/** Whether one expectation of a script held, and where to look when it did not. */
export const expectationResultSchema = z.object({
  index: z.number().int(),
  expectation: expectationSchema,
  passed: z.boolean(),
  /** A sentence for people: what was expected and what happened. */
  message: z.string(),
  /** How many contacts it was checked on (a population checks every generated contact). */
  contacts: z.number().int(),
  failedContacts: z.number().int(),
  /** The first contact it failed for, and the trace entry that shows why. */
  contact: z.string().optional(),
  traceSeq: z.number().int().optional(),
});
export type ExpectationResult = z.infer<typeof expectationResultSchema>;

/** A problem that keeps a simulation from starting, at a JSON path of one input document. */
export const inputProblemSchema = z.object({
  /** `workflow` (with its index among the inputs) or `script`. */
  source: z.enum(['workflow', 'script']),
  index: z.number().int(),
  path: z.string(),
  message: z.string(),
});
export type InputProblem = z.infer<typeof inputProblemSchema>;
