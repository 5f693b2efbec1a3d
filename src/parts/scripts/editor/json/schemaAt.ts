/** The part of JSON Schema the script schema uses, as far as completions and hover docs read it. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

/** Reads the value of the document at a path, for choosing among alternatives; undefined when absent. */
export type ValueAt = (path: readonly (string | number)[]) => unknown;

function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const name = schema.$ref?.match(/^#\/(?:\$defs|definitions)\/(.+)$/)?.[1];
  return name !== undefined ? (root.$defs?.[name] ?? schema) : schema;
}

/** A schema's alternatives flattened (oneOf, anyOf, allOf, $ref), each a schema without them. */
function alternatives(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema[] {
  const resolved = resolveRef(root, schema);
  const parts = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  if (parts.length === 0 || depth > 8) return [resolved];
  return parts.flatMap((part) => alternatives(root, part, depth + 1));
}

/**
 * The alternatives an object in the document can still be: those whose constant properties (an
 * event's `type`) the object does not contradict. When the object has no such value yet, all of them.
 */
function matching(root: JsonSchema, candidates: JsonSchema[], path: readonly (string | number)[], valueAt: ValueAt): JsonSchema[] {
  if (candidates.length < 2) return candidates;
  const value = valueAt(path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return candidates;
  const fits = candidates.filter((candidate) =>
    Object.entries(candidate.properties ?? {}).every(([key, property]) => {
      const fixed = resolveRef(root, property).const;
      return fixed === undefined || !(key in value) || (value as Record<string, unknown>)[key] === fixed;
    }),
  );
  return fits.length > 0 ? fits : candidates;
}

/**
 * The schemas that may describe the value at a path of the document: several while an event's
 * `type` is not yet written (one per event type), one once it is.
 *
 * @example schemasAt(scriptSchema, ['events', 0, 'type'], valueAt) // the `type` property of each event kind
 */
export function schemasAt(root: JsonSchema, path: readonly (string | number)[], valueAt: ValueAt): JsonSchema[] {
  let current = matching(root, alternatives(root, root), [], valueAt);
  for (const [i, segment] of path.entries()) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof segment === 'number') {
        if (schema.items) next.push(schema.items);
      } else {
        const property = schema.properties?.[segment];
        if (property) next.push(property);
        else if (typeof schema.additionalProperties === 'object') next.push(schema.additionalProperties);
      }
    }
    current = matching(
      root,
      next.flatMap((schema) => alternatives(root, schema)),
      path.slice(0, i + 1),
      valueAt,
    );
    if (current.length === 0) return [];
  }
  return current;
}
