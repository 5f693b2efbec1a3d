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

/** `{ ok: false, problems }`: why a request was refused, at least one problem with the inputs. */
export const refusalSchema = z.object({ ok: z.literal(false), problems: z.array(inputProblemSchema).min(1) });

type Shape = z.core.$ZodLooseShape;
const successSchema = <S extends Shape>(shape: S) => z.object({ ok: z.literal(true), ...shape });
type Success<S extends Shape> = ReturnType<typeof successSchema<S>>;

/**
 * An answer to a request: `{ ok: true, ...shape }`, or `{ ok: false, problems }` saying why not —
 * so every answer is told apart the same way and refused the same way. An answer that succeeds in
 * two ways (report rows: runs or trace entries) gives a shape for each, told apart by their own fields.
 *
 * @example resultSchema({ frame: playbackFrameSchema })
 */
export function resultSchema<S extends Shape>(shape: S): z.ZodDiscriminatedUnion<[Success<S>, typeof refusalSchema], 'ok'>;
export function resultSchema<S1 extends Shape, S2 extends Shape>(first: S1, second: S2): z.ZodUnion<[Success<S1>, Success<S2>, typeof refusalSchema]>;
export function resultSchema(...shapes: [Shape, ...Shape[]]): z.ZodType {
  const successes = shapes.map(successSchema);
  return successes.length === 1 ? z.discriminatedUnion('ok', [successes[0]!, refusalSchema]) : z.union([...successes, refusalSchema]);
}
