import { z } from 'zod';
import { stopReasonLabel } from '../exitConditions.ts';
import { stepBaseShape } from '../ids.ts';
import { exitConditionSchema, stopReasonSchema } from '../settings.ts';
import { ELSE, PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

/**
 * On the When stopped path: goes on at the output named by the reason the run stopped
 * (`manual`, or the exit condition met), at `else` when that output has no edge.
 */
export const stopReasonBranchStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('stop_reason_branch'),
});

export type StopReasonBranchStep = z.infer<typeof stopReasonBranchStepSchema>;

/**
 * Its outputs: a person's stop, then one per exit condition in the catalogue's order, then Else —
 * where the stops a publish makes (workflow updated, step removed) go too.
 */
const OUTPUTS: readonly string[] = ['manual', ...exitConditionSchema.options, ELSE];

export const stopReasonBranchStep: StepKindDefinition<StopReasonBranchStep> = {
  type: 'stop_reason_branch',
  name: 'Stop reason branch',
  description: 'On the When stopped path: goes on by the reason the run stopped.',
  group: 'Logic',
  defaults: {},
  ...PASSES_THROUGH,
  outputs: () => [...OUTPUTS],
  outputLabel: (_step, handle) => {
    if (handle === ELSE) return 'Else';
    const reason = stopReasonSchema.safeParse(handle);
    return reason.success ? stopReasonLabel(reason.data) : handle;
  },
  allowedOn: 'when_stopped',
};
