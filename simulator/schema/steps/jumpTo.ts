import { z } from 'zod';
import { stepBaseShape } from '../ids.ts';

/** Continues at another step (by id). Has no outgoing edge. */
export const jumpToStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('jump_to'),
  target: z.string().max(64),
});
