import { Position as HandleSide, type Edge as FlowEdge, type InternalNode, type Node as FlowNode, type NodeHandle } from '@xyflow/react';
import { stepOutputs, type Step } from '../../../simulator/schema/step.ts';
import { nodeSize, outputHandleX } from './nodeSize.ts';
import type { NodeMeasure } from './nodeBoxes.ts';
import type { Trigger } from '../../../simulator/schema/trigger.ts';
import type { WhenStopped, Workflow } from '../../../simulator/schema/workflow.ts';

export type StepNodeData = { readonly step: Step; readonly problems: readonly string[] };
export type TriggerNodeData = { readonly trigger: Trigger; readonly problems: readonly string[] };
export type WhenStoppedNodeData = { readonly whenStopped: WhenStopped; readonly problems: readonly string[] };
export type StepFlowNode = FlowNode<StepNodeData, 'step'>;
export type TriggerFlowNode = FlowNode<TriggerNodeData, 'trigger'>;
export type WhenStoppedFlowNode = FlowNode<WhenStoppedNodeData, 'whenStopped'>;
export type WorkflowFlowNode = StepFlowNode | TriggerFlowNode | WhenStoppedFlowNode;

const NO_PROBLEMS: readonly string[] = [];
const HANDLE = 10;

/**
 * A node's size and handles before the browser has measured it: as big as `nodeSize` says (wider
 * for outputs with long labels), the target on top, the outputs in their slots along the bottom,
 * as StepNode draws them. With these React Flow can tell which nodes are in view without mounting
 * all of them first — a 1,000-node Workflow then mounts a few dozen nodes, not a thousand, before
 * its first useful frame. An entry (no step) has one output, `next`, and no target.
 */
function presized(step?: Step) {
  const { width, height } = nodeSize(step);
  const outputs = step ? stepOutputs(step) : ['next'];
  const sources = outputs.map((id, i): NodeHandle => ({ id, type: 'source', position: HandleSide.Bottom, x: outputHandleX(width, outputs.length, i) - HANDLE / 2, y: height - HANDLE / 2, width: HANDLE, height: HANDLE }));
  const handles: NodeHandle[] = step ? [{ id: null, type: 'target', position: HandleSide.Top, x: width / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE }, ...sources] : sources;
  return { initialWidth: width, initialHeight: height, handles };
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * The canvas's nodes for a Workflow. A node whose step, problems, selection and position are
 * unchanged keeps its previous object, so React Flow re-renders only nodes that changed; a new
 * object keeps the size React Flow measured (`measured`), or the node would be hidden until it is
 * measured again.
 */
export function syncNodes(previous: readonly WorkflowFlowNode[], workflow: Workflow, problems: ReadonlyMap<string, readonly string[]>, selected: ReadonlySet<string>): WorkflowFlowNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  const position = (at: { x: number; y: number } | undefined) => at ?? { x: 0, y: 0 };
  const reuse = (node: WorkflowFlowNode | undefined, item: Step | Trigger | WhenStopped, nodeProblems: readonly string[], isSelected: boolean) => {
    if (!node) return false;
    const data = node.data as { step?: Step; trigger?: Trigger; whenStopped?: WhenStopped; problems: readonly string[] };
    const same = data.step === item || data.trigger === item || data.whenStopped === item;
    const at = position(item.position);
    return same && sameList(data.problems, nodeProblems) && Boolean(node.selected) === isSelected && node.position.x === at.x && node.position.y === at.y;
  };
  const triggerProblems = problems.get(workflow.trigger.id) ?? NO_PROBLEMS;
  const previousTrigger = before.get(workflow.trigger.id);
  const trigger: TriggerFlowNode = reuse(previousTrigger, workflow.trigger, triggerProblems, selected.has(workflow.trigger.id))
    ? (previousTrigger as TriggerFlowNode)
    : {
        id: workflow.trigger.id,
        type: 'trigger',
        position: position(workflow.trigger.position),
        data: { trigger: workflow.trigger, problems: triggerProblems },
        selected: selected.has(workflow.trigger.id),
        deletable: false,
        ...presized(),
        ...(previousTrigger?.measured ? { measured: previousTrigger.measured } : {}),
      };
  const entry = workflow.whenStopped;
  const entryNodes: WhenStoppedFlowNode[] = [];
  if (entry) {
    const entryProblems = problems.get(entry.id) ?? NO_PROBLEMS;
    const previousEntry = before.get(entry.id);
    // Deletable like a step (it is optional), unlike the trigger.
    entryNodes.push(
      reuse(previousEntry, entry, entryProblems, selected.has(entry.id))
        ? (previousEntry as WhenStoppedFlowNode)
        : {
            id: entry.id,
            type: 'whenStopped',
            position: position(entry.position),
            data: { whenStopped: entry, problems: entryProblems },
            selected: selected.has(entry.id),
            ...presized(),
            ...(previousEntry?.measured ? { measured: previousEntry.measured } : {}),
          },
    );
  }
  const steps = workflow.steps.map((step): StepFlowNode => {
    const stepProblems = problems.get(step.id) ?? NO_PROBLEMS;
    const previousNode = before.get(step.id);
    if (reuse(previousNode, step, stepProblems, selected.has(step.id))) return previousNode as StepFlowNode;
    return {
      id: step.id,
      type: 'step',
      position: position(step.position),
      data: { step, problems: stepProblems },
      selected: selected.has(step.id),
      ...presized(step),
      ...(previousNode?.measured ? { measured: previousNode.measured } : {}),
    };
  });
  return [trigger, ...entryNodes, ...steps];
}

/** The canvas's edges, reusing unchanged edge objects like `syncNodes`. */
export function syncEdges(previous: readonly FlowEdge[], workflow: Workflow, selected: ReadonlySet<string>): FlowEdge[] {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  return workflow.edges.map((edge) => {
    const old = before.get(edge.id);
    const isSelected = selected.has(edge.id);
    if (old && old.source === edge.source && old.target === edge.target && old.sourceHandle === edge.sourceHandle && Boolean(old.selected) === isSelected) return old;
    return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, selected: isSelected };
  });
}

/**
 * What the canvas measured of its nodes — size, and each output handle's centre from the node's
 * top-left corner — for placing new steps among them. Nodes not measured yet are left out (the
 * placement assumes the size every node is laid out with).
 */
export function nodeMeasures(nodes: readonly InternalNode[]): Map<string, NodeMeasure> {
  const measures = new Map<string, NodeMeasure>();
  for (const node of nodes) {
    const { width, height } = node.measured;
    if (!width || !height) continue;
    const outputs = new Map((node.internals.handleBounds?.source ?? []).flatMap((handle) => (handle.id ? [[handle.id, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }] as const] : [])));
    measures.set(node.id, { size: { width, height }, outputs });
  }
  return measures;
}
