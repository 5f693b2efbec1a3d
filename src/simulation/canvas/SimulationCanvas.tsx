import { Background, BackgroundVariant, Controls, ReactFlow, type Edge as FlowEdge, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { NodeStat } from '../../../simulator/schema/playback.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { RunOnCanvas } from '../../../simulator/trace/nodeRunStates.ts';
import { syncEdges, syncNodes, type WorkflowFlowNode } from '../../builder/canvas/flowElements.ts';
import { NodeOverlayProvider, type NodeOverlay } from '../../builder/canvas/NodeOverlay.tsx';
import { StepNode } from '../../builder/canvas/StepNode.tsx';
import { TriggerNode } from '../../builder/canvas/TriggerNode.tsx';

const NODE_TYPES: NodeTypes = { step: StepNode, trigger: TriggerNode };
const NO_PROBLEMS = new Map<string, readonly string[]>();
const NONE = new Set<string>();

interface Props {
  readonly workflow: Workflow;
  /** The selected contact's latest run of this Workflow, or null when it has none. */
  readonly run: RunOnCanvas | null;
  readonly stats: readonly NodeStat[];
}

/**
 * The Workflow as the builder draws it, read-only, with the simulation on it: the selected
 * contact's path and where it is (or stopped, and why), the steps its stop cancelled, and every
 * run's counts per step.
 */
export function SimulationCanvas({ workflow, run, stats }: Props) {
  const nodes = useMemo<WorkflowFlowNode[]>(() => syncNodes([], workflow, NO_PROBLEMS, NONE), [workflow]);
  const baseEdges = useMemo<FlowEdge[]>(() => syncEdges([], workflow, NONE), [workflow]);
  const edges = useMemo(() => {
    const taken = new Set((run?.path ?? []).map(([source, target]) => `${source}→${target}`));
    return baseEdges.map((edge) => (taken.has(`${edge.source}→${edge.target}`) ? { ...edge, className: 'flow-edge--taken' } : edge));
  }, [baseEdges, run]);
  const overlay = useMemo<NodeOverlay>(
    () => ({
      states: run?.steps ?? new Map(),
      counts: new Map(stats.filter((stat) => stat.workflow === workflow.id).map((stat) => [stat.step, stat])),
    }),
    [run, stats, workflow.id],
  );
  return (
    <NodeOverlayProvider value={overlay}>
      <ReactFlow<WorkflowFlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        aria-label={`${workflow.name}, simulated`}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </NodeOverlayProvider>
  );
}
