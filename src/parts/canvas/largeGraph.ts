/**
 * A graph of more nodes than this is large: the canvas renders only the nodes in view, its
 * minimap draws them all as one path (LargeGraphMiniMap), zoomed out its nodes are plain boxes,
 * and Auto-layout uses the layered layout instead of dagre (see autoLayout).
 */
export const LARGE_GRAPH_NODES = 300;
