import { useState } from 'react';
import { sameData } from './sameData.ts';

/**
 * `value`, or the one given before while it holds the same data: the worker answers every request
 * with new objects, and a chart given the object it already drew draws nothing again.
 */
export function useUnchanged<T>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || sameData(kept, value)) return kept;
  setKept(value);
  return value;
}
