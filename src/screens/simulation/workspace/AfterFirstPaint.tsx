import type { ReactNode } from 'react';
import { useAfterFirstPaint } from './useAfterFirstPaint.ts';

/**
 * Draws `children` only once the browser has painted this component's first commit
 * (`useAfterFirstPaint`). The workspace's canvas (React Flow) is drawn so: mounting it with the
 * panels made one long task on a slow phone (React Flow reads its size and measures its nodes,
 * which lays out the whole page), and the panels, the playback bar among them, showed only after
 * it. Now they are painted first and answer input while the canvas is drawn. Its box is the
 * parent's, already laid out, so nothing moves when it arrives.
 */
export function AfterFirstPaint({ children }: { readonly children: ReactNode }) {
  return useAfterFirstPaint() ? children : null;
}
