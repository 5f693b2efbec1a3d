import { useState } from 'react';

/**
 * `items`, or the array given before when it holds the very same items in the same order: a parent
 * that maps its list anew on each render then asks for no new work (coverage plays every script).
 */
export function useSameItems<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same = kept.length === items.length && kept.every((item, index) => item === items[index]);
  if (!same) setKept(items);
  return same ? kept : items;
}
