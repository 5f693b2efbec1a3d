import type { Viewport } from '@xyflow/react';
import type { Box, Size } from '../../../parts/canvas/box.ts';

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** How far from the canvas's sides a node brought into view stays: clear of the zoom controls on the left. */
export const SHOW_MARGIN: Margin = { top: 32, right: 32, bottom: 32, left: 64 };

/**
 * The view moved as little as it takes to show `box` (flow units) whole on a pane of `pane`
 * pixels, `margin` inside its sides, at the same zoom; null when the pane shows it whole already
 * (if only just: a step dropped by the edge stays where the person put it). A box too large for
 * the pane is shown from its top-left corner.
 */
export function panToShow(box: Box, viewport: Viewport, pane: Size, margin: Margin = SHOW_MARGIN): Viewport | null {
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  if (left >= 0 && top >= 0 && left + box.width * viewport.zoom <= pane.width && top + box.height * viewport.zoom <= pane.height) return null;
  const shift = (start: number, length: number, low: number, high: number) => {
    const end = start + length;
    if (start < low || length > high - low) return low - start;
    if (end > high) return high - end;
    return 0;
  };
  const dx = shift(left, box.width * viewport.zoom, margin.left, pane.width - margin.right);
  const dy = shift(top, box.height * viewport.zoom, margin.top, pane.height - margin.bottom);
  return dx === 0 && dy === 0 ? null : { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}
