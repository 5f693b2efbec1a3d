import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom the canvas draws nodes as plain boxes: a node's 13 px label would be under
 * 5 px, too small to read, and a screen then holds hundreds of nodes, each of whose text, icon and
 * handles the browser would lay out and paint on every frame of a pan.
 */
export const PLAIN_NODES_BELOW_ZOOM = 0.35;

const selectZoomedOut = (state: ReactFlowState) => state.transform[2] < PLAIN_NODES_BELOW_ZOOM;

/** Whether the canvas is zoomed out past PLAIN_NODES_BELOW_ZOOM: a boolean, so a node re-renders only when the zoom crosses it, not on every zoom step or pan. */
export function useZoomedOut(): boolean {
  return useStore(selectZoomedOut);
}
