import { z } from 'zod';
import { durationSchema, timeOfDaySchema } from '../duration.ts';
import { stepBaseShape } from '../ids.ts';

const forDuration = z.strictObject({ kind: z.literal('duration'), duration: durationSchema });
/** Waits until the next time the workspace clock shows `time` (strictly later than now). */
const untilTimeOfDay = z.strictObject({ kind: z.literal('time_of_day'), time: timeOfDaySchema });

/** Pauses the run for a duration or until a time of day. */
export const waitStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('wait'),
  delay: z.discriminatedUnion('kind', [forDuration, untilTimeOfDay]),
});
