import { Background, BackgroundVariant, Controls, ReactFlow, useReactFlow, useStore, type Edge as FlowEdge, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { edgeKey } from '../../../../simulator/graph/workflowDiff.ts';
import { STEP_KINDS } from '../../../../simulator/schema/step.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { syncEdges, syncNodes, type WorkflowFlowNode } from '../../../parts/canvas/flowElements.ts';
import type { Size } from '../../../parts/canvas/box.ts';
import { withMeasured } from '../../../parts/canvas/measuredSizes.ts';
import { StepNode } from '../../../parts/canvas/StepNode.tsx';
import { TriggerNode } from '../../../parts/canvas/TriggerNode.tsx';
import { WhenStoppedNode } from '../../../parts/canvas/WhenStoppedNode.tsx';
import { MARK_WORDS, type CanvasMarks } from './compareMarks.ts';

const NODE_TYPES: NodeTypes = { step: StepNode, trigger: TriggerNode, whenStopped: WhenStoppedNode };
const NO_PROBLEMS = new Map<string, readonly string[]>();
const NONE = new Set<string>();
const FIT_VIEW = { padding: 0.15, maxZoom: 1 };


interface Props {
  readonly workflow: Workflow;
  readonly marks: CanvasMarks;
  /** The node whose changes the inspector lists, on both canvases. */
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  /** "Older: Saved · 20 Nov 2026, 09:31" — the canvas's accessible name. */
  readonly label: string;
}

function nodeName(node: WorkflowFlowNode): string {
  if (node.type === 'step') return node.data.step.label || STEP_KINDS[node.data.step.type].name;
  if (node.type === 'trigger') return node.data.trigger.label || 'Trigger';
  return node.data.whenStopped.label || 'When stopped';
}

/**
 * Fits the Workflow in view again whenever the canvas changes size: the outcomes table opening
 * below shrinks both canvases, and a view fitted to the taller one would cut the Workflow off.
 */
function FitOnResize() {
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (width > 0 && height > 0) void fitView(FIT_VIEW);
  }, [width, height, fitView]);
  return null;
}

/**
 * One side of a comparison: the version as the builder draws it, read-only, its differences
 * marked — a class for the colour and a word on the node ("Changed"), and the mark in the node's
 * accessible name ("Changed: Wait 24h"), so colour is never the only sign. A node can be selected
 * (click, or Enter on it) to list its changes.
 */
export function CompareCanvas({ workflow, marks, selected, onSelect, label }: Props) {
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const onNodesChange = useCallback(
    (changes: NodeChange<WorkflowFlowNode>[]) => {
      setSizes((current) => withMeasured(current, changes));
      // Enter on a focused node selects it through a change, not a click.
      for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
    },
    [onSelect],
  );
  const selectedSet = useMemo(() => (selected ? new Set([selected]) : NONE), [selected]);
  const nodes = useMemo(
    () =>
      syncNodes([], workflow, NO_PROBLEMS, selectedSet).map(({ handles: _handles, initialWidth: _width, initialHeight: _height, ...node }): WorkflowFlowNode => {
        const mark = marks.nodes.get(node.id);
        const measured = sizes.get(node.id);
        return {
          ...node,
          ...(measured ? { measured } : {}),
          ...(mark ? { className: `compare-node compare-node--${mark}`, ariaLabel: `${MARK_WORDS[mark]}: ${nodeName(node as WorkflowFlowNode)}`, ariaRole: 'group' } : {}),
        } as WorkflowFlowNode;
      }),
    [workflow, selectedSet, marks, sizes],
  );
  const edges = useMemo<FlowEdge[]>(
    () =>
      syncEdges([], workflow, NONE).map((edge) => {
        const mark = marks.edges.get(edgeKey({ source: edge.source, sourceHandle: edge.sourceHandle ?? 'next', target: edge.target }));
        return mark ? { ...edge, className: `compare-edge compare-edge--${mark}`, label: MARK_WORDS[mark].toLowerCase(), ariaLabel: `${MARK_WORDS[mark]} connection from ${edge.source} to ${edge.target}` } : edge;
      }),
    [workflow, marks],
  );
  return (
    <ReactFlow<WorkflowFlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onNodeClick={(_, node) => onSelect(node.id)}
      nodeTypes={NODE_TYPES}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      multiSelectionKeyCode={null}
      selectionKeyCode={null}
      deleteKeyCode={null}
      minZoom={0.1}
      fitView
      fitViewOptions={FIT_VIEW}
      defaultEdgeOptions={{ type: 'smoothstep' }}
      aria-label={label}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} />
      <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      <FitOnResize />
    </ReactFlow>
  );
}
