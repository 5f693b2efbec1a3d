import { z } from 'zod';
import { durationSchema, timeOfDaySchema } from '../duration.ts';
import { stepBaseShape } from '../ids.ts';
import { PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

const forDuration = z.strictObject({ kind: z.literal('duration'), duration: durationSchema });
/** Waits until the next time the workspace clock shows `time` (strictly later than now). */
const untilTimeOfDay = z.strictObject({ kind: z.literal('time_of_day'), time: timeOfDaySchema });

/** Pauses the run for a duration or until a time of day. */
export const waitStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('wait'),
  delay: z.discriminatedUnion('kind', [forDuration, untilTimeOfDay]),
});

export type WaitStep = z.infer<typeof waitStepSchema>;

export const waitStep: StepKindDefinition<WaitStep> = {
  type: 'wait',
  name: 'Wait',
  description: 'Pauses for a while, or until a time of day.',
  group: 'Timing',
  defaults: { delay: { kind: 'duration', duration: '1h' } },
  ...PASSES_THROUGH,
  pause: 'timer',
  allowedOn: 'trigger',
};
