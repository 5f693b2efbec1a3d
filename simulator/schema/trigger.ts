import { z } from 'zod';
import { idSchema, positionSchema } from './ids.ts';
import { refuseReservedFieldNames } from './fieldName.ts';

const triggerBase = {
  id: idSchema,
  label: z.string().max(120).default(''),
  position: positionSchema.optional(),
  /** "Trigger once per contact": the contact never re-enters, stopped or not. */
  oncePerContact: z.boolean().default(false),
};

const simpleTrigger = <T extends string>(type: T) => z.strictObject({ ...triggerBase, type: z.literal(type) });

/** What starts a run of a Workflow for one contact. */
export const triggerSchema = z.discriminatedUnion('type', [
  simpleTrigger('conversation_opened'),
  simpleTrigger('conversation_closed'),
  simpleTrigger('incoming_message'),
  simpleTrigger('shortcut'),
  z.strictObject({
    ...triggerBase,
    type: z.literal('tag_updated'),
    tag: z.string().min(1, 'Name the tag').max(64),
    action: z.enum(['added', 'removed']),
  }),
  z.strictObject({
    ...triggerBase,
    type: z.literal('field_updated'),
    field: refuseReservedFieldNames(z.string().min(1, 'Name the contact field').max(64)),
  }),
  simpleTrigger('workflow_started'),
]);

export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerType = Trigger['type'];
