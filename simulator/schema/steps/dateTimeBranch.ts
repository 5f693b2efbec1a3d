import { z } from 'zod';
import { timeOfDaySchema } from '../duration.ts';
import { stepBaseShape } from '../ids.ts';
import { ELSE, PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

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

export type DateTimeBranchStep = z.infer<typeof dateTimeBranchStepSchema>;

export const dateTimeBranchStep: StepKindDefinition<DateTimeBranchStep> = {
  type: 'datetime_branch',
  name: 'Date & time',
  description: 'Splits on the day and time, e.g. business hours.',
  group: 'Logic',
  defaults: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
  ...PASSES_THROUGH,
  outputs: () => ['match', ELSE],
  outputLabel: (_step, handle) => (handle === ELSE ? 'Else' : 'In time'),
  needsElse: true,
};
