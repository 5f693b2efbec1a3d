import { Panel, useReactFlow, useStore, useStoreApi, type InternalNode, type Node, type ReactFlowState } from '@xyflow/react';
import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import type { Box } from './box.ts';

/** React Flow's MiniMap's size and margin, so either minimap takes the same corner. */
const WIDTH = 200;
const HEIGHT = 150;
const OFFSET_SCALE = 5;
const NODE_COLOUR = 'var(--color-border-strong)';

/** Every node's rectangle as one SVG path, and the box around them all (null with no node). */
export function nodesOutline(nodes: Iterable<InternalNode>): { readonly d: string; readonly bounds: Box | null } {
  const parts: string[] = [];
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (node.hidden) continue;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? node.initialWidth ?? 0;
    const height = node.measured.height ?? node.height ?? node.initialHeight ?? 0;
    parts.push(`M${x},${y}h${width}v${height}h${-width}z`);
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  }
  return { d: parts.join(''), bounds: parts.length === 0 ? null : { x: left, y: top, width: right - left, height: bottom - top } };
}

const selectNodes = (state: ReactFlowState) => state.nodes;

/** Whether two node lists put the same nodes in the same places (a size measured, a selection or data changed: not a move). */
function samePlaces(a: readonly Node[], b: readonly Node[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Node;
    const y = b[i] as Node;
    if (x !== y && (x.id !== y.id || x.position.x !== y.position.x || x.position.y !== y.position.y || x.hidden !== y.hidden)) return false;
  }
  return true;
}
const selectX = (state: ReactFlowState) => state.transform[0];
const selectY = (state: ReactFlowState) => state.transform[1];
const selectZoom = (state: ReactFlowState) => state.transform[2];
const selectWidth = (state: ReactFlowState) => state.width;
const selectHeight = (state: ReactFlowState) => state.height;

/**
 * The minimap of a large graph: what React Flow's MiniMap shows (the nodes, the view's rectangle
 * on a dimmed mask; drag to pan, the wheel to zoom), drawn as two SVG paths. React Flow's draws a
 * component per node, each subscribed to the flow's store, so every frame of a pan ran a selector
 * per node — thousands on a 5,000-node Workflow. Here the nodes' path is rebuilt only when the
 * nodes change, and a pan moves only the mask.
 */
export function LargeGraphMiniMap({ ariaLabel }: { readonly ariaLabel: string }) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const nodes = useStore(selectNodes);
  // Rebuilt when a node moves, comes or goes — not on a pan, nor when nodes scrolled into view are
  // measured (their sizes were given up front, `presized` in flowElements.ts, and barely change).
  const [drawn, setDrawn] = useState(() => ({ nodes, outline: nodesOutline(store.getState().nodeLookup.values()) }));
  if (drawn.nodes !== nodes) setDrawn({ nodes, outline: samePlaces(drawn.nodes, nodes) ? drawn.outline : nodesOutline(store.getState().nodeLookup.values()) });
  const { outline } = drawn;
  const tx = useStore(selectX);
  const ty = useStore(selectY);
  const zoom = useStore(selectZoom);
  const flowWidth = useStore(selectWidth);
  const flowHeight = useStore(selectHeight);
  const view: Box = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const bounds = outline.bounds ? unionOf(outline.bounds, view) : view;
  const viewScale = Math.max(bounds.width / WIDTH, bounds.height / HEIGHT);
  const offset = OFFSET_SCALE * viewScale;
  const x = bounds.x - (viewScale * WIDTH - bounds.width) / 2 - offset;
  const y = bounds.y - (viewScale * HEIGHT - bounds.height) / 2 - offset;
  const width = viewScale * WIDTH + offset * 2;
  const height = viewScale * HEIGHT + offset * 2;
  const titleId = useId();
  const svg = useRef<SVGSVGElement>(null);

  // Wheel zooms the canvas about its centre, as React Flow's zoomable minimap does; a listener of
  // our own because React's wheel listener is passive and could not keep the page from scrolling.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const factor = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
      void flow.zoomTo(flow.getZoom() * 2 ** (-event.deltaY * factor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [flow]);

  // Dragging moves the view's rectangle with the pointer (the canvas the other way).
  const last = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const from = last.current;
    if (!from) return;
    last.current = { x: event.clientX, y: event.clientY };
    const [nowX, nowY, nowZoom] = store.getState().transform;
    const scale = viewScale * nowZoom;
    void flow.setViewport({ x: nowX - (event.clientX - from.x) * scale, y: nowY - (event.clientY - from.y) * scale, zoom: nowZoom });
  };
  const onPointerUp = () => {
    last.current = null;
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg nodrag nopan nowheel"
        role="img"
        aria-labelledby={titleId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <title id={titleId}>{ariaLabel}</title>
        {/* Outlined a minimap pixel wide: thousands of nodes make a graph so tall that a node alone is smaller than a pixel. */}
        <path className="react-flow__minimap-node" d={outline.d} style={{ fill: NODE_COLOUR, stroke: NODE_COLOUR, strokeWidth: viewScale }} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

function unionOf(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
