import { startTransition, useEffect, useState } from 'react';

/**
 * False until the browser has painted the calling component's first commit, then true: set in a
 * task of its own, at a transition's priority, so what waits for it is drawn in later tasks than
 * that commit and a person's input meanwhile goes first. Always true when told not to `wait`.
 */
export function useAfterFirstPaint(wait = true): boolean {
  const [painted, setPainted] = useState(!wait);
  useEffect(() => {
    if (painted) return undefined;
    // An animation frame runs just before the paint; a task posted from it, just after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
