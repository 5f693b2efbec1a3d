import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Completes the run. Has no outgoing edge. */
export const endStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('end'),
});
