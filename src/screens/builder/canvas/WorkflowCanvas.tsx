import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type Edge as FlowEdge,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { useAppStore, useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { connect, connectionProblem, moveNodes, reconnect, type Position } from '../../../model/workflowEdits.ts';
import { deleteElements } from '../commands/builderCommands.ts';
import { syncEdges, syncNodes, type WorkflowFlowNode } from '../../../parts/canvas/flowElements.ts';
import { LargeGraphMiniMap } from '../../../parts/canvas/LargeGraphMiniMap.tsx';
import { StepNode } from '../../../parts/canvas/StepNode.tsx';
import './dropTarget.css';
import { TriggerNode } from '../../../parts/canvas/TriggerNode.tsx';
import { WhenStoppedNode } from '../../../parts/canvas/WhenStoppedNode.tsx';
import { LARGE_GRAPH_NODES } from '../../../parts/canvas/largeGraph.ts';

/** Declared once at module level: React Flow re-creates every node when this object changes. */
const NODE_TYPES: NodeTypes = { step: StepNode, trigger: TriggerNode, whenStopped: WhenStoppedNode };
export const GRID: [number, number] = [20, 20];
/**
 * How Fit View frames the graph: clear of the minimap (bottom right, 200 × 150 px, 15 px in) by
 * keeping the graph left of it — flows run down, so width is the side to spare — and clear of
 * the zoom controls (bottom left, ~32 px wide). Used when the canvas opens and by its Fit View
 * button.
 */
export const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: { top: '32px', bottom: '32px', left: '64px', right: '240px' } } as const;

interface Props {
  readonly workflow: Workflow;
  /** Problems per node id, shown as badges. */
  readonly problems: ReadonlyMap<string, readonly string[]>;
  /**
   * The node components by type; the app always uses the default. Only the canvas benchmark
   * (test/bench/browser/canvasPage.tsx) passes its own, wrappers of these that count renders. Must
   * be a module-level constant, like the default.
   */
  readonly nodeTypes?: NodeTypes;
  /** Where to look when the canvas opens (saved from the last session); the whole graph when absent. */
  readonly initialViewport?: Viewport | null;
  /** Where the canvas looks after each pan or zoom, to remember it. */
  readonly onViewportChange?: (viewport: Viewport) => void;
  /** What a step dragged from the palette would join if dropped now, marked while it is dragged. */
  readonly dropTarget?: DropTarget | null;
}

/** The edge a dragged step would go into, or the node it would follow. */
export interface DropTarget {
  readonly nodeId?: string;
  readonly edgeId?: string;
}

/** Marks the drop target on a copy of its node or edge (React Flow puts the class on the element it wraps it in). */
function markTarget<T extends { readonly id: string; readonly className?: string | undefined }>(items: T[], id: string | undefined): T[] {
  return id === undefined ? items : items.map((item) => (item.id === id ? { ...item, className: 'flow-drop-target' } : item));
}

/** React Flow's connection (or a candidate edge) as the document's: a missing source handle is the plain `next`. */
const toConnection = (connection: Pick<Connection, 'source' | 'target'> & { readonly sourceHandle?: string | null }) => ({ source: connection.source, sourceHandle: connection.sourceHandle ?? 'next', target: connection.target });

/**
 * The Workflow as a graph. React Flow holds the nodes while they are dragged and measured; every
 * change that means something to the document — a move when the drag ends (one undo step), a
 * connection, a deletion — goes to the store as one edit, and the nodes follow the document.
 */
export function WorkflowCanvas({ workflow, problems, nodeTypes = NODE_TYPES, initialViewport = null, onViewportChange, dropTarget = null }: Props) {
  const selection = useAppStore((state) => state.selection);
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const selectedNodes = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdges = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);
  const [nodes, setNodes] = useState<WorkflowFlowNode[]>(() => syncNodes([], workflow, problems, selectedNodes));
  const [edges, setEdges] = useState<FlowEdge[]>(() => syncEdges([], workflow, selectedEdges));
  // The nodes follow the document while rendering (React's "adjust state when a prop changes"), so
  // no frame ever shows nodes of an older document.
  const [syncedWith, setSyncedWith] = useState({ workflow, problems, selectedNodes, selectedEdges });
  if (syncedWith.workflow !== workflow || syncedWith.problems !== problems || syncedWith.selectedNodes !== selectedNodes || syncedWith.selectedEdges !== selectedEdges) {
    setSyncedWith({ workflow, problems, selectedNodes, selectedEdges });
    setNodes((previous) => syncNodes(previous, workflow, problems, selectedNodes));
    setEdges((previous) => syncEdges(previous, workflow, selectedEdges));
  }

  // Selection goes to the store from React Flow's select changes — what the person clicked or
  // boxed — and comes back as the nodes' `selected`. (onSelectionChange is not used: it can report
  // React Flow's previous selection after the store chose another, and the two would fight.)
  const store = useAppStoreApi();
  const applySelectChanges = useCallback(
    (changes: readonly (NodeChange<WorkflowFlowNode> | EdgeChange)[], key: 'nodeIds' | 'edgeIds') => {
      const selects = changes.filter((change) => change.type === 'select');
      if (selects.length === 0) return;
      const current = store.getState().selection;
      const ids = new Set(current[key]);
      for (const change of selects) {
        if (change.selected) ids.add(change.id);
        else ids.delete(change.id);
      }
      store.getState().select({ ...current, [key]: [...ids] });
    },
    [store],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<WorkflowFlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      applySelectChanges(changes, 'nodeIds');
    },
    [applySelectChanges],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      setEdges((current) => applyEdgeChanges(changes, current));
      applySelectChanges(changes, 'edgeIds');
    },
    [applySelectChanges],
  );

  // A large graph: only the nodes in view are rendered, and the minimap draws them all as one path.
  const visibleOnly = nodes.length > LARGE_GRAPH_NODES;
  const shownNodes = useMemo(() => markTarget(nodes, dropTarget?.nodeId), [nodes, dropTarget?.nodeId]);
  const shownEdges = useMemo(() => markTarget(edges, dropTarget?.edgeId), [edges, dropTarget?.edgeId]);

  return (
    <ReactFlow<WorkflowFlowNode, FlowEdge>
      nodes={shownNodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={(_event, _node, dragged) =>
        editWorkflow((current) => moveNodes(current, new Map<string, Position>(dragged.map((node) => [node.id, node.position]))))
      }
      onConnect={(connection) => editWorkflow((current) => connect(current, toConnection(connection)))}
      isValidConnection={(connection) => connectionProblem(workflow, toConnection(connection)) === null}
      edgesReconnectable
      onReconnect={(edge, connection) => editWorkflow((current) => reconnect(current, edge.id, toConnection(connection)))}
      onDelete={({ nodes: gone, edges: goneEdges }) => deleteElements(store, { stepIds: gone.map((node) => node.id), edgeIds: goneEdges.map((edge) => edge.id) })}
      deleteKeyCode={['Delete', 'Backspace']}
      snapToGrid
      snapGrid={GRID}
      {...(initialViewport ? { defaultViewport: initialViewport } : { fitView: true, fitViewOptions: FIT_VIEW_OPTIONS })}
      {...(onViewportChange ? { onMoveEnd: (_event: unknown, viewport: Viewport) => onViewportChange(viewport) } : {})}
      minZoom={0.1}
      onlyRenderVisibleElements={visibleOnly}
      defaultEdgeOptions={{ type: 'smoothstep' }}
      aria-label="Workflow canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID[0]} />
      {visibleOnly ? <LargeGraphMiniMap ariaLabel="Minimap" /> : <MiniMap pannable zoomable ariaLabel="Minimap" />}
      <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
    </ReactFlow>
  );
}
