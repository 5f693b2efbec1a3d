/** A path into the edited object: `['delay', 'duration']`. */
export type FieldPath = readonly (string | number)[];

/** Sets `value` at `path` in a copy of `object` (arrays stay arrays). */
export function setIn<T>(object: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = object as Record<string | number, unknown>;
  const copy = (Array.isArray(object) ? [...(object as unknown[])] : { ...container }) as Record<string | number, unknown>;
  const next = setIn(container[head], rest, value);
  if (next === undefined && !Array.isArray(object)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}
