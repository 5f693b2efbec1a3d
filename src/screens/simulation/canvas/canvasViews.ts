/** A rectangle in flow coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The canvas's element, in screen pixels. */
export interface PaneSize {
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: a flow point p is drawn at `p * zoom + (x, y)` in the pane. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface OpeningOptions {
  /** Never larger than life. */
  readonly maxZoom: number;
  /** Never smaller than this: below it the badges' text is too small to read. */
  readonly readableZoom: number;
  /** Pixels kept free around the Workflow. */
  readonly padding: number;
  /** Pixels at the pane's left the Workflow is placed beside, not under: the canvas's zoom controls. */
  readonly clearLeft?: number;
}

/**
 * The view the simulation's canvas opens on: the whole Workflow, centred, when it fits at a zoom
 * its badges can be read at; otherwise that zoom, showing the Workflow from its top-left corner (the
 * trigger, where every run starts) rather than from its middle. The person zooms out with the
 * canvas's controls, and a stop is brought into view when it happens (`viewRevealing`).
 *
 * @example openingView({ x: 0, y: 0, width: 500, height: 1000 }, { width: 800, height: 500 }, { maxZoom: 1, readableZoom: 0.8, padding: 20 })
 *          // { x: 200, y: 20, zoom: 0.8 }: centred across, from the top down
 */
export function openingView(bounds: Rect, pane: PaneSize, { maxZoom, readableZoom, padding, clearLeft = 0 }: OpeningOptions): View {
  // The pane beside the strip the controls take: the Workflow is fitted and centred in that.
  const width = Math.max(1, pane.width - clearLeft);
  const room = { width: Math.max(1, width - 2 * padding), height: Math.max(1, pane.height - 2 * padding) };
  const fit = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = Math.min(maxZoom, Math.max(readableZoom, fit));
  const place = (start: number, size: number, paneSize: number, roomSize: number) =>
    size * zoom <= roomSize ? (paneSize - size * zoom) / 2 - start * zoom : padding - start * zoom;
  return { x: clearLeft + place(bounds.x, bounds.width, width, room.width), y: place(bounds.y, bounds.height, pane.height, room.height), zoom };
}

/**
 * The view that shows `rect` whole with `margin` pixels around it, centred on it, at the current
 * zoom or less (only when it does not fit); null when it is already in view, so the canvas does not
 * move under the person for nothing.
 *
 * @example viewRevealing({ x: 0, y: 900, width: 400, height: 100 }, { x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }, 16)
 *          // { x: 200, y: -650, zoom: 1 }
 */
export function viewRevealing(rect: Rect, view: View, pane: PaneSize, margin: number): View | null {
  const left = rect.x * view.zoom + view.x;
  const top = rect.y * view.zoom + view.y;
  const inView = left >= margin && top >= margin && left + rect.width * view.zoom <= pane.width - margin && top + rect.height * view.zoom <= pane.height - margin;
  if (inView) return null;
  const zoom = Math.min(view.zoom, (pane.width - 2 * margin) / Math.max(1, rect.width), (pane.height - 2 * margin) / Math.max(1, rect.height));
  return { x: pane.width / 2 - (rect.x + rect.width / 2) * zoom, y: pane.height / 2 - (rect.y + rect.height / 2) * zoom, zoom };
}
