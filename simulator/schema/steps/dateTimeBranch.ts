import { z } from 'zod';
import { timeOfDaySchema } from '../duration.ts';
import { stepBaseShape } from '../ids.ts';

/**
 * Takes `match` when the workspace clock is on one of `days` (0 = Sunday … 6 = Saturday) between
 * `from` (inclusive) and `to` (exclusive), else `else` — e.g. business hours on weekdays.
 */
export const dateTimeBranchStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('datetime_branch'),
  days: z.array(z.number().int().min(0).max(6)).min(1, 'Pick at least one day').max(7, 'At most the 7 days of the week'),
  from: timeOfDaySchema,
  to: timeOfDaySchema,
});
