import { startTransition, useEffect, useState } from 'react';

/**
 * `value` as it was two animation frames ago (`null` until then), handed over in a transition.
 * recharts redraws a chart in one piece, in the task that gave it new data or in the next animation
 * frame: a second chart given its data at the same moment redraws in that same task, and the two
 * together made one long task. Two frames later, it redraws in a task of its own.
 */
export function useDrawnLater<T>(value: T): T | null {
  const [later, setLater] = useState<T | null>(null);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => startTransition(() => setLater(value)));
    });
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return later;
}
