import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Draws `children` only once the browser has painted this component's first commit: in a task of
 * its own, at a transition's priority. The workspace's canvas (React Flow) is drawn so: mounting it
 * with the panels made one long task on a slow phone (React Flow reads its size and measures its
 * nodes, which lays out the whole page), and the panels, the playback bar among them, showed only
 * after it. Now they are painted first and answer input while the canvas is drawn. Its box is the
 * parent's, already laid out, so nothing moves when it arrives.
 */
export function AfterFirstPaint({ children }: { readonly children: ReactNode }) {
  const [painted, setPainted] = useState(false);
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
  return painted ? children : null;
}
