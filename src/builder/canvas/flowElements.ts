import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { Step } from '../../../simulator/schema/step.ts';
import type { Trigger } from '../../../simulator/schema/trigger.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

export type StepNodeData = { readonly step: Step; readonly problems: readonly string[] };
export type TriggerNodeData = { readonly trigger: Trigger; readonly problems: readonly string[] };
export type StepFlowNode = FlowNode<StepNodeData, 'step'>;
export type TriggerFlowNode = FlowNode<TriggerNodeData, 'trigger'>;
export type WorkflowFlowNode = StepFlowNode | TriggerFlowNode;

const NO_PROBLEMS: readonly string[] = [];
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
  const reuse = (node: WorkflowFlowNode | undefined, item: Step | Trigger, nodeProblems: readonly string[], isSelected: boolean) => {
    if (!node) return false;
    const data = node.data as { step?: Step; trigger?: Trigger; problems: readonly string[] };
    const same = data.step === item || data.trigger === item;
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
        ...(previousTrigger?.measured ? { measured: previousTrigger.measured } : {}),
      };
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
      ...(previousNode?.measured ? { measured: previousNode.measured } : {}),
    };
  });
  return [trigger, ...steps];
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
