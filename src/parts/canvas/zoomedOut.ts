import { useStore, type ReactFlowState } from '@xyflow/react';
import { LARGE_GRAPH_NODES } from './largeGraph.ts';

/**
 * Below this zoom a large graph's nodes are drawn as plain boxes: a node's 13 px label would be
 * under 5 px, too small to read, and a screen then holds hundreds of nodes, each of whose text,
 * icon and handles the browser would otherwise lay out and paint. A smaller graph keeps its cards
 * at any zoom: Fit View on a wide one goes this far out, and it has no need to save the work.
 */
export const PLAIN_NODES_BELOW_ZOOM = 0.35;

const selectZoomedOut = (state: ReactFlowState) => state.transform[2] < PLAIN_NODES_BELOW_ZOOM && state.nodeLookup.size > LARGE_GRAPH_NODES;

/**
 * Whether the canvas shows a large graph zoomed out past PLAIN_NODES_BELOW_ZOOM: a boolean, so a
 * node re-renders only when the zoom crosses that line, not on every zoom step or pan.
 */
export function useZoomedOut(): boolean {
  return useStore(selectZoomedOut);
}
