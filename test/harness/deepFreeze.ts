/**
 * Freezes a value and everything it holds, so a function that mutates its input instead of
 * returning a new value throws (test files are modules, hence strict mode) rather than passing.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
