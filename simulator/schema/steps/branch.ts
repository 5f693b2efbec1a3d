import { z } from 'zod';
import { refuseReservedFieldNames } from '../fieldName.ts';
import { idSchema, stepBaseShape } from '../ids.ts';
import { ELSE, PASSES_THROUGH, type StepKindDefinition } from '../stepKind.ts';

const fieldCondition = z.strictObject({
  subject: z.literal('field'),
  field: refuseReservedFieldNames(z.string().min(1, 'Name the contact field').max(64, 'At most 64 characters')),
  operator: z.enum(['is', 'is_not', 'contains', 'is_set', 'is_not_set']),
  value: z.string().max(1024, 'At most 1024 characters').default(''),
});
const tagCondition = z.strictObject({
  subject: z.literal('tag'),
  operator: z.enum(['has', 'has_not']),
  tag: z.string().min(1, 'Name the tag').max(64, 'At most 64 characters'),
});
const lastMessageCondition = z.strictObject({
  subject: z.literal('last_message'),
  operator: z.enum(['is', 'contains']),
  value: z.string().max(4096, 'At most 4096 characters'),
});

export const branchConditionSchema = z.discriminatedUnion('subject', [
  fieldCondition,
  tagCondition,
  lastMessageCondition,
]);

/** One path of a Branch; its id is the output handle its edge leaves from. */
export const branchPathSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(120),
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(branchConditionSchema).min(1, 'A path needs at least one condition').max(100, 'At most 100 conditions'),
});

/** Takes the first path whose conditions hold, else the `else` output. */
export const branchStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('branch'),
  paths: z.array(branchPathSchema).min(1, 'A Branch needs at least one path').max(100, 'At most 100 paths'),
});

export type BranchStep = z.infer<typeof branchStepSchema>;

export const branchStep: StepKindDefinition<BranchStep> = {
  type: 'branch',
  name: 'Branch',
  description: 'Takes the first path whose conditions hold.',
  group: 'Logic',
  defaults: { paths: [{ id: 'path-1', label: 'Path 1', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }] },
  ...PASSES_THROUGH,
  outputs: (step) => [...step.paths.map((path) => path.id), ELSE],
  outputLabel: (step, handle) => {
    if (handle === ELSE) return 'Else';
    const index = step.paths.findIndex((path) => path.id === handle);
    return step.paths[index]?.label || `Path ${index + 1}`;
  },
  needsElse: true,
};
