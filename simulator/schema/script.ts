import { z } from 'zod';
import { durationSchema, offsetSchema } from './duration.ts';
import { RESERVED_FIELD_MESSAGE, refuseReservedFieldNames } from './fieldName.ts';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { stopReasonSchema } from './settings.ts';
import { formatCount } from './formatCount.ts';

// Stop reasons are a Workflow setting's words too (`afterStop.reasons`); scripts name them as before.
export { stopReasonSchema };

export const SCRIPT_FORMAT = 'exitflow.script/1';

/** A person working in the Messages view. A restricted user cannot see or stop Workflows. */
export const scriptUserSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(120),
  role: z.enum(['owner', 'manager', 'agent']).default('agent'),
  restricted: z.boolean().default(false),
});

/**
 * A contact's fields. Names that are JavaScript's own (`__proto__`, `constructor`) are refused
 * rather than dropped or turned into a prototype: a record keyed by them is not plain data.
 */
const contactFieldsSchema = z.preprocess(
  (fields, ctx) => {
    // zod drops an own "__proto__" key of a record without a word: say so instead.
    if (typeof fields === 'object' && fields !== null && Object.hasOwn(fields, '__proto__'))
      ctx.issues.push({ code: 'custom', message: RESERVED_FIELD_MESSAGE, path: ['__proto__'], input: fields });
    return fields;
  },
  z.record(
    refuseReservedFieldNames(z.string().min(1, 'A field needs a name').max(64, 'At most 64 characters')),
    z.string().max(1024, 'At most 1024 characters'),
  )
  .refine((fields) => Object.keys(fields).length <= LIMITS.contactFields, `At most ${LIMITS.contactFields} fields`)
  .default({}),
);

export const scriptContactSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(120).default(''),
  tags: z.array(z.string().min(1).max(64)).max(LIMITS.contactTags, `At most ${LIMITS.contactTags} tags`).default([]),
  fields: contactFieldsSchema,
});

const eventBase = { at: offsetSchema, contact: idSchema };

/** What a publish does to the runs in flight: let them finish on their version, stop them, or move them to the new one. */
export const publishPolicySchema = z.enum(['finish', 'stop', 'move']);
export type PublishPolicy = z.infer<typeof publishPolicySchema>;

/** Whether an event is about one contact (every event but a publish, which concerns them all). */
export const isContactEvent = <E extends { type: string }>(event: E): event is Exclude<E, { type: 'workflow.publish' }> => event.type !== 'workflow.publish';
const workflowRef = z.string().min(1, 'Name the Workflow (its name or id)').max(120);

/** One scripted event. Field names are a public contract: add, never rename. */
export const scriptEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...eventBase, type: z.literal('contact.message'), text: z.string().max(LIMITS.messageChars) }),
  z.strictObject({ ...eventBase, type: z.literal('agent.message'), user: idSchema, text: z.string().max(LIMITS.messageChars) }),
  /** A message from a broadcast: sent to the contact, but by no person (never an exit). */
  z.strictObject({ ...eventBase, type: z.literal('broadcast.message'), text: z.string().max(LIMITS.messageChars) }),
  /** `user` assigns the contact to `to`. Without `user`, an automatic assignment rule did it. */
  z.strictObject({ ...eventBase, type: z.literal('assign'), user: idSchema.optional(), to: idSchema }),
  z.strictObject({ ...eventBase, type: z.literal('unassign'), user: idSchema.optional() }),
  z.strictObject({ ...eventBase, type: z.literal('workflow.stop'), user: idSchema, workflow: workflowRef }),
  z.strictObject({ ...eventBase, type: z.literal('shortcut'), user: idSchema, workflow: workflowRef }),
  z.strictObject({ ...eventBase, type: z.literal('tag.add'), tag: z.string().min(1).max(64), user: idSchema.optional() }),
  z.strictObject({ ...eventBase, type: z.literal('tag.remove'), tag: z.string().min(1).max(64), user: idSchema.optional() }),
  z.strictObject({
    ...eventBase,
    type: z.literal('field.set'),
    field: refuseReservedFieldNames(z.string().min(1).max(64)),
    value: z.string().max(1024),
    user: idSchema.optional(),
  }),
  z.strictObject({ ...eventBase, type: z.literal('conversation.open'), user: idSchema.optional() }),
  z.strictObject({ ...eventBase, type: z.literal('conversation.close'), user: idSchema.optional() }),
  /**
   * Starts a run of `workflow` for the contact as if its trigger had fired — "test from here": at
   * the trigger, or at `atStep` (a step id of its main flow). `fields` are set on the contact
   * first, as a test's set-up: they fire no triggers.
   */
  z.strictObject({
    ...eventBase,
    type: z.literal('workflow.start'),
    workflow: workflowRef,
    atStep: idSchema.optional(),
    fields: z.optional(contactFieldsSchema),
    user: idSchema.optional(),
  }),
  /**
   * A new version of `workflow` goes live: the Workflow in `file` (same id; in the command line a
   * path relative to the script's folder, in the app a Workflow of the situation or a stored
   * version). Its runs in flight `finish` on their version, `stop` (reason `workflow_updated`) or
   * `move` to the new one, each at the step with the same id. It concerns every contact: it names none.
   */
  z.strictObject({
    at: offsetSchema,
    type: z.literal('workflow.publish'),
    workflow: workflowRef,
    file: z.string().min(1, 'Name the new version\'s Workflow file').max(500),
    policy: publishPolicySchema.default('finish'),
  }),
]);

export const scriptEventTypeSchema = z.enum(
  scriptEventSchema.options.map((option) => option.shape.type.value) as [ScriptEventType, ...ScriptEventType[]],
);

export const runStatusSchema = z.enum(['active', 'completed', 'stopped', 'failed', 'paused']);

/** What the script's author expects; each is checked after the run. */
export const expectationSchema = z.union([
  z.strictObject({
    contact: idSchema,
    workflow: workflowRef,
    status: runStatusSchema,
    reason: stopReasonSchema.optional(),
    /** The step (label or id) the run was at when it stopped, completed or failed. */
    atStep: z.string().min(1).max(120).optional(),
  }),
  /** No Workflow message whose text contains this was sent to the contact. */
  z.strictObject({ contact: idSchema, neverSent: z.string().min(1).max(LIMITS.messageChars) }),
  /** Some Workflow message whose text contains this was sent to the contact. */
  z.strictObject({ contact: idSchema, sent: z.string().min(1).max(LIMITS.messageChars) }),
  /** The contact has this tag at the end. */
  z.strictObject({ contact: idSchema, hasTag: z.string().min(1).max(64) }),
  /** The contact does not have this tag at the end. */
  z.strictObject({ contact: idSchema, lacksTag: z.string().min(1).max(64) }),
  /** The contact's field holds exactly this value at the end. */
  z.strictObject({ contact: idSchema, field: z.string().min(1).max(64), equals: z.string().max(1024) }),
]);

export const populationSchema = z.strictObject({
  contacts: z.number().int().min(1).max(LIMITS.populationContacts, `At most ${formatCount(LIMITS.populationContacts)} contacts`),
  /**
   * Each event of each generated contact is shifted later by a seeded random offset in [0, jitter];
   * a contact's events keep their order (engine/scriptFeed.ts).
   */
  jitter: durationSchema.default('0s'),
  seed: z.number().int().default(1),
});

export const scriptSchema = z
  .strictObject({
    /** Where editors find the JSON Schema of this format; ignored by exitflow. */
    $schema: z.string().max(2048).optional(),
    format: z.literal(SCRIPT_FORMAT),
    name: z.string().min(1).max(200),
    start: z.iso.datetime({ offset: true, message: 'Expected an ISO date and time such as "2026-01-05T09:00:00Z"' }),
    /** Workspace time zone (IANA name) for "Wait until a time of day" and the Date & time branch. */
    timezone: z
      .string()
      .default('UTC')
      .refine(isTimeZone, 'Expected an IANA time zone such as "UTC" or "Europe/Berlin"'),
    users: z.array(scriptUserSchema).max(LIMITS.users, `At most ${formatCount(LIMITS.users)} users`).default([]),
    contacts: z
      .array(scriptContactSchema)
      .min(1, 'A script needs at least one contact')
      .max(LIMITS.listedContacts, `At most ${formatCount(LIMITS.listedContacts)} listed contacts (a population generates up to ${formatCount(LIMITS.populationContacts)})`),
    events: z.array(scriptEventSchema).max(LIMITS.events, `At most ${formatCount(LIMITS.events)} events`),
    expect: z.array(expectationSchema).max(LIMITS.expectations, `At most ${formatCount(LIMITS.expectations)} expectations`).default([]),
    population: populationSchema.optional(),
  })
  .superRefine((script, ctx) => {
    const contactIds = new Set<string>();
    script.contacts.forEach((contact, i) => {
      if (contactIds.has(contact.id))
        ctx.addIssue({ code: 'custom', path: ['contacts', i, 'id'], message: `Contact "${contact.id}" is listed twice` });
      contactIds.add(contact.id);
    });
    const userIds = new Set<string>();
    script.users.forEach((user, i) => {
      if (userIds.has(user.id)) ctx.addIssue({ code: 'custom', path: ['users', i, 'id'], message: `User "${user.id}" is listed twice` });
      userIds.add(user.id);
    });
    script.events.forEach((event, i) => {
      if (!isContactEvent(event)) return;
      if (!contactIds.has(event.contact))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'contact'], message: `No contact "${event.contact}" in "contacts"` });
      const user = userOf(event);
      if (user !== undefined && !userIds.has(user))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'user'], message: `No user "${user}" in "users"` });
    });
    if (script.population) {
      const template = script.contacts[0]?.id;
      const played = script.population.contacts * script.events.length;
      if (played > LIMITS.populationEvents)
        ctx.addIssue({
          code: 'custom',
          path: ['population', 'contacts'],
          message: `${formatCount(script.population.contacts)} contacts × ${formatCount(script.events.length)} events is more than the ${formatCount(LIMITS.populationEvents)} events a population may play`,
        });
      script.events.forEach((event, i) => {
        if (isContactEvent(event) && event.contact !== template)
          ctx.addIssue({ code: 'custom', path: ['events', i, 'contact'], message: `A population script plays its first contact's events only ("${template}"); move this event to another script` });
      });
    }
    script.expect.forEach((expectation, i) => {
      if (!contactIds.has(expectation.contact))
        ctx.addIssue({ code: 'custom', path: ['expect', i, 'contact'], message: `No contact "${expectation.contact}" in "contacts"` });
    });
  })
  .describe('exitflow script: a scripted conversation to replay against Workflows');

/** The user who acted in an event, for the event types that name one. */
export function userOf(event: ScriptEvent): string | undefined {
  return 'user' in event && typeof event.user === 'string' ? event.user : undefined;
}

/** Zones already checked: the first `Intl.DateTimeFormat` in a page loads the zone data (tens of ms). */
const knownZones = new Map<string, boolean>([['UTC', true]]);

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(zone, valid);
  return valid;
}

export type Script = z.infer<typeof scriptSchema>;
export type ScriptInput = z.input<typeof scriptSchema>;
export type ScriptEvent = z.infer<typeof scriptEventSchema>;
export type ScriptEventType = ScriptEvent['type'];
export type ScriptUser = z.infer<typeof scriptUserSchema>;
export type ScriptContact = z.infer<typeof scriptContactSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type StopReason = z.infer<typeof stopReasonSchema>;
