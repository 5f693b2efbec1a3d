import type { z } from 'zod';

/**
 * JavaScript's own property names. A contact field named one of them is refused wherever a field is
 * named — a script's contacts and events, a Workflow's steps — rather than dropped or turned into a
 * prototype: a record keyed by them is not plain data.
 */
const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const RESERVED_FIELD_MESSAGE = 'JavaScript\'s own names (__proto__, constructor, prototype) cannot name a field';

export const isReservedFieldName = (name: string): boolean => RESERVED_FIELD_NAMES.has(name);

/** `schema` (a field name's string schema) refusing JavaScript's own names, with the one message. */
export function refuseReservedFieldNames<S extends z.ZodString>(schema: S): S {
  return schema.refine((name) => !isReservedFieldName(name), RESERVED_FIELD_MESSAGE);
}
