import { Background, BackgroundVariant, Controls, ReactFlow, type Edge as FlowEdge, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useMemo, useState } from 'react';
import type { NodeStat } from '../../../../simulator/schema/playback.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { RunOnCanvas } from '../../../../simulator/trace/nodeRunStates.ts';
import { syncEdges, syncNodes, type WorkflowFlowNode } from '../../../parts/canvas/flowElements.ts';
import type { Size } from '../../../parts/canvas/box.ts';
import { withMeasured } from '../../../parts/canvas/measuredSizes.ts';
import { NodeOverlayProvider, simulatedNodeWidth, type NodeDebug, type NodeOverlay } from '../../../parts/canvas/NodeOverlay.tsx';
import { StepNode } from '../../../parts/canvas/StepNode.tsx';
import { TriggerNode } from '../../../parts/canvas/TriggerNode.tsx';
import { WhenStoppedNode } from '../../../parts/canvas/WhenStoppedNode.tsx';
import { NODE_SIZE } from '../../../parts/canvas/nodeSize.ts';
import { CanvasCamera } from './CanvasCamera.tsx';
import { makeRoomForBadges } from './makeRoomForBadges.ts';
import { useAfterFirstPaint } from '../workspace/useAfterFirstPaint.ts';

const NODE_TYPES: NodeTypes = { step: StepNode, trigger: TriggerNode, whenStopped: WhenStoppedNode };
const NO_PROBLEMS = new Map<string, readonly string[]>();
const NONE = new Set<string>();
const NO_NODES: WorkflowFlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
const ROOM = { rowHeight: NODE_SIZE.height, gapX: 40, gapY: 12 };


interface Props {
  readonly workflow: Workflow;
  /** The selected contact's latest run of this Workflow, or null when it has none. */
  readonly run: RunOnCanvas | null;
  readonly stats: readonly NodeStat[];
  /** The debugger's tools on the nodes (countdowns, breakpoints, test runs, coverage). */
  readonly debug?: NodeDebug;
  /** The edges no run of any script takes (by edge id), marked when coverage is shown; null when not shown. */
  readonly neverTaken?: ReadonlySet<string> | null;
  /** A node to bring into view, e.g. where a breakpoint paused playback; a new object each time it is asked. */
  readonly focus?: { readonly node: string } | null;
  /**
   * Draws the pane first and the nodes and edges once it is painted, each in tasks of their own:
   * React Flow reads the pane's size and sets up panning as it mounts, then measures the nodes as
   * they arrive, each a layout of what it drew, and in one task they were a long one on a slow
   * phone (the workspace, as a page opens on it).
   */
  readonly nodesAfterPaint?: boolean;
}

/**
 * The Workflow as the builder draws it, read-only, with the simulation on it: the selected
 * contact's path and where it is (or stopped, and why), the steps its stop cancelled, and every
 * run's counts per step, each in a badge beside its step. The nodes stand where the document puts
 * them, moved apart only as much as the badges need; the view opens at a zoom the badges can be
 * read at and brings a stop into view when it happens.
 */
// Memoised: the workspace draws again when play starts or stops, which changes nothing here.
export const SimulationCanvas = memo(function SimulationCanvas(props: Props) {
  // Keyed by the Workflow: another one on the canvas is a new canvas, opened on its own view.
  return <WorkflowSimulation key={props.workflow.id} {...props} />;
});

function WorkflowSimulation({ workflow, run, stats, debug, neverTaken = null, focus = null, nodesAfterPaint = false }: Props) {
  const nodesDrawn = useAfterFirstPaint(nodesAfterPaint);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const onNodesChange = useCallback((changes: NodeChange<WorkflowFlowNode>[]) => setSizes((current) => withMeasured(current, changes)), []);
  const documentNodes = useMemo(() => syncNodes([], workflow, NO_PROBLEMS, NONE), [workflow]);
  const nodes = useMemo<WorkflowFlowNode[]>(() => {
    // Until the canvas measures a node, each is as wide as its own card and badge lane.
    const stepOf = new Map(workflow.steps.map((step) => [step.id, step]));
    const sizeOf = (id: string): Size => sizes.get(id) ?? { width: simulatedNodeWidth(stepOf.get(id)), height: NODE_SIZE.height };
    const placed = makeRoomForBadges(
      documentNodes.map((node) => ({ id: node.id, ...node.position, ...sizeOf(node.id) })),
      ROOM,
    );
    // Without the builder's presized handles, which would stand for the measured ones each time a
    // node is replaced here; with the measured size, or React Flow would hide the node to measure it again.
    return documentNodes.map(({ handles: _handles, initialWidth: _width, initialHeight: _height, ...node }): WorkflowFlowNode => {
      const measured = sizes.get(node.id);
      return { ...node, position: placed.get(node.id) ?? node.position, ...(measured ? { measured } : {}) } as WorkflowFlowNode;
    });
  }, [documentNodes, sizes, workflow.steps]);
  const baseEdges = useMemo<FlowEdge[]>(() => syncEdges([], workflow, NONE), [workflow]);
  // The run's path as a key: a new frame with the same path keeps the same edges, so React Flow
  // does not rebuild its edge lookup and redraw every edge on each frame of play.
  const takenKey = (run?.path ?? []).map(([source, target]) => `${source}→${target}`).join('\n');
  const edges = useMemo(() => {
    const taken = new Set(takenKey === '' ? [] : takenKey.split('\n'));
    return baseEdges.map((edge) => {
      const classes = [taken.has(`${edge.source}→${edge.target}`) ? 'flow-edge--taken' : '', neverTaken?.has(edge.id) ? 'flow-edge--never-reached' : ''].filter((name) => name !== '');
      // Dashed, not only coloured; no label, which would sit over the short edges' nodes (the steps say "Never reached").
      return classes.length > 0 ? { ...edge, className: classes.join(' ') } : edge;
    });
  }, [baseEdges, takenKey, neverTaken]);
  const overlay = useMemo<NodeOverlay>(
    () => ({
      states: run?.steps ?? new Map(),
      counts: new Map(stats.filter((stat) => stat.workflow === workflow.id).map((stat) => [stat.step, stat])),
      ...(debug ? { debug } : {}),
    }),
    [run, stats, workflow.id, debug],
  );
  const stoppedAt = useMemo(() => [...(run?.steps ?? [])].find(([, state]) => state.kind === 'stopped')?.[0] ?? null, [run]);
  return (
    <NodeOverlayProvider value={overlay}>
      <ReactFlow<WorkflowFlowNode, FlowEdge>
        nodes={nodesDrawn ? nodes : NO_NODES}
        edges={nodesDrawn ? edges : NO_EDGES}
        onNodesChange={onNodesChange}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        aria-label={`${workflow.name}, simulated`}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} />
        <Controls showInteractive={false} />
        <CanvasCamera stoppedAt={stoppedAt} focus={focus} />
      </ReactFlow>
    </NodeOverlayProvider>
  );
}
