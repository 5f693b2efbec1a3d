/** A typed array used as one column of a table. */
export type Column = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/** A copy of `column` with room for `capacity` rows. */
export function resized<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column.length > capacity ? column.subarray(0, capacity) : column);
  return next;
}
