import { z } from 'zod';
import { idSchema, stepBaseShape } from '../ids.ts';

/** Assigns the contact to a user or a team. Never counts as a manual assignment. */
export const assignStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('assign'),
  assignee: z.strictObject({ kind: z.enum(['user', 'team']), id: idSchema }),
});
