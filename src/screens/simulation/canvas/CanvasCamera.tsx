import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import { openingView, viewRevealing } from './canvasViews.ts';

/**
 * The badges' text (13–14 px) reads at ≥ 10.4 px on screen from this zoom up. The zoom controls
 * sit 15 px from the pane's left and are 26 px wide: the Workflow opens beside them, never under.
 */
const OPENING = { maxZoom: 1, readableZoom: 0.8, padding: 24, clearLeft: 15 + 26 };
/** Screen pixels kept around a stop brought into view: clear of the canvas's edge and its zoom controls. */
const MARGIN = 24;
const MOVE_MS = 300;

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Where the simulation's canvas looks: it opens on the Workflow at a zoom its badges can be read at
 * (`openingView`), and when the contact's run newly stops at a step, it brings that step and its
 * stop marker into view (`viewRevealing`) — once per stop, not on every frame, so the person can
 * look elsewhere while the stop stays; a node asked for by `focus` (where a breakpoint paused) is
 * centred on. It moves the canvas's viewport only, never the page.
 */
export function CanvasCamera({ stoppedAt, focus = null }: { readonly stoppedAt: string | null; readonly focus?: { readonly node: string } | null }) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);
  const opened = useRef(false);
  const revealed = useRef<string | null>(null);
  const focused = useRef<{ readonly node: string } | null>(null);

  // Layout effects: the first view is set before the browser paints the measured nodes.
  useLayoutEffect(() => {
    if (!initialized || opened.current || paneWidth === 0 || paneHeight === 0) return;
    opened.current = true;
    void flow.setViewport(openingView(flow.getNodesBounds(flow.getNodes()), { width: paneWidth, height: paneHeight }, OPENING));
  }, [initialized, paneWidth, paneHeight, flow]);

  useLayoutEffect(() => {
    if (!opened.current || stoppedAt === revealed.current) return;
    revealed.current = stoppedAt;
    const node = stoppedAt === null ? undefined : flow.getInternalNode(stoppedAt);
    if (!node?.measured.width || !node.measured.height) return;
    const { x, y } = node.internals.positionAbsolute;
    const next = viewRevealing({ x, y, width: node.measured.width, height: node.measured.height }, flow.getViewport(), { width: paneWidth, height: paneHeight }, MARGIN);
    if (next) void flow.setViewport(next, { duration: prefersReducedMotion() ? 0 : MOVE_MS });
  }, [stoppedAt, initialized, paneWidth, paneHeight, flow]);

  // A node asked for (a breakpoint's): centred on, each time it is asked, whether or not it is in view.
  useLayoutEffect(() => {
    if (!opened.current || focus === null || focus === focused.current) return;
    const node = flow.getInternalNode(focus.node);
    if (!node?.measured.width || !node.measured.height) return;
    focused.current = focus;
    const { x, y } = node.internals.positionAbsolute;
    const view = flow.getViewport();
    void flow.setViewport(
      { x: paneWidth / 2 - (x + node.measured.width / 2) * view.zoom, y: paneHeight / 2 - (y + node.measured.height / 2) * view.zoom, zoom: view.zoom },
      { duration: prefersReducedMotion() ? 0 : MOVE_MS },
    );
  }, [focus, initialized, paneWidth, paneHeight, flow]);

  return null;
}
