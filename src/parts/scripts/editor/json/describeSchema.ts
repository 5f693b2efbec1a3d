import { EVENT_TYPE_LABELS } from '../eventTypeLabels.ts';
import type { JsonSchema } from './schemaAt.ts';

/** What the schema allows at one place, for a hover or a completion's detail. */
function allowedValues(schema: JsonSchema): readonly unknown[] {
  if (schema.const !== undefined) return [schema.const];
  return schema.enum ?? (schema.type === 'boolean' ? [true, false] : []);
}

/** The values a place may take, across its alternatives (an event's `type`: one per kind), each once. */
export function valuesOf(schemas: readonly JsonSchema[]): unknown[] {
  return [...new Set(schemas.flatMap(allowedValues))];
}

/** The editor's name of a value where it has one: an event type as the form's Type picker says it. */
export function valueLabel(value: unknown): string | undefined {
  return typeof value === 'string' ? (EVENT_TYPE_LABELS as Readonly<Record<string, string>>)[value] : undefined;
}

/**
 * A few lines saying what a place of the script holds, from the published schema: its description,
 * its type, the values it allows and its default.
 *
 * @example describeSchema([{ type: 'string', enum: ['owner', 'agent'], default: 'agent' }]) // 'string\nOne of: "owner", "agent"\nDefault: "agent"'
 */
export function describeSchema(schemas: readonly JsonSchema[]): string {
  const lines = new Set<string>();
  for (const schema of schemas) if (schema.description) lines.add(schema.description);
  const types = [...new Set(schemas.flatMap((schema) => (schema.type === undefined ? [] : [schema.type].flat())))];
  if (types.length > 0) lines.add(types.join(' or '));
  const values = valuesOf(schemas);
  if (values.length === 1) lines.add(`Always ${JSON.stringify(values[0])}`);
  else if (values.length > 1 && !types.every((type) => type === 'boolean')) lines.add(`One of: ${values.map((value) => JSON.stringify(value)).join(', ')}`);
  const defaults = [...new Set(schemas.flatMap((schema) => (schema.default === undefined ? [] : [JSON.stringify(schema.default)])))];
  if (defaults.length === 1) lines.add(`Default: ${defaults[0]}`);
  return [...lines].join('\n');
}
