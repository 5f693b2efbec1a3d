import { scriptEventSchema, type ScriptEventType } from '../../../../simulator/schema/script.ts';

/** One field an event type has beyond its time, contact and type, and how the form edits it. */
export interface EventFieldSpec {
  /** The key in the event object (`user`, `to`, `workflow`, `text`, …). */
  readonly key: string;
  /** The field's label in the form: the key in words, capitalised ("At step" for `atStep`). */
  readonly label: string;
  /**
   * `user`: picked from the script's users; `workflow`: a Workflow name or id; `text`: typed;
   * `fields`: a contact's fields (name → value), shown and kept as they are — the JSON view edits
   * them, as it does a contact's fields.
   */
  readonly kind: 'user' | 'workflow' | 'text' | 'fields' | 'policy';
  /** The schema accepts the event without it. */
  readonly optional: boolean;
}

/** Every event has these; the form shows them for all types, before the type's own fields. */
const SHARED_KEYS = new Set(['at', 'contact', 'type']);
const USER_KEYS = new Set(['user', 'to']);

function kindOf(key: string): EventFieldSpec['kind'] {
  if (USER_KEYS.has(key)) return 'user';
  if (key === 'fields') return 'fields';
  if (key === 'policy') return 'policy';
  return key === 'workflow' ? 'workflow' : 'text';
}

/** "atStep" → "At step". */
function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldsOf(shape: Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>): EventFieldSpec[] {
  return Object.entries(shape)
    .filter(([key]) => !SHARED_KEYS.has(key))
    .map(([key, schema]) => ({ key, label: labelOf(key), kind: kindOf(key), optional: schema.safeParse(undefined).success }));
}

const SPECS = new Map(scriptEventSchema.options.map((option) => [option.shape.type.value, fieldsOf(option.shape)]));

/**
 * The fields of an event type, in the schema's order, read from `scriptEventSchema` so a field
 * added to the schema appears in the form without touching it.
 *
 * @example eventFieldSpecs('assign') // [{ key: 'user', optional: true, … }, { key: 'to', optional: false, … }]
 */
export function eventFieldSpecs(type: ScriptEventType): readonly EventFieldSpec[] {
  return SPECS.get(type) ?? [];
}
