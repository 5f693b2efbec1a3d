import { resolveWorkflowRef } from '../graph/resolveWorkflowRef.ts';
import type { WorkflowProblem } from '../schema/problem.ts';
import { ELSE } from '../schema/stepKind.ts';
import { kindOf, STEP_KINDS } from '../schema/step.ts';
import type { Workflow } from '../schema/workflow.ts';
import { findLoopsWithoutPause } from './findLoopsWithoutPause.ts';
import { findUnreachableSteps } from './findUnreachableSteps.ts';
import { settingsProblems } from './settingsProblems.ts';
import { reachableSteps } from './reachableSteps.ts';
import { buildWorkflowGraph, hasOutput, type WorkflowGraph } from './workflowGraph.ts';

/** "Wait or Ask a question": the kinds that wait for a timer, then for a reply, as the loop problem names them. */
const PAUSING_NAMES = (['timer', 'reply'] as const)
  .flatMap((pause) => Object.values(STEP_KINDS).filter((kind) => kind.pause === pause))
  .map((kind) => kind.name)
  .join(' or ');

/**
 * Steps on a path they may not sit on: a step that waits or jumps on the When stopped
 * path, which runs in the instant of the stop; a Stop reason branch off it, where no run has
 * stopped. An unreachable step is left to its own problem.
 */
function pathProblems(
  workflow: Workflow,
  graph: WorkflowGraph,
  stepIndex: ReadonlyMap<string, number>,
  unreachable: ReadonlySet<string>,
  name: (id: string) => string,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const onWhenStopped = graph.whenStoppedId === null ? new Set<string>() : reachableSteps(graph, graph.whenStoppedId);
  for (const [id, step] of graph.steps) {
    const path = ['steps', stepIndex.get(id) as number];
    const kind = kindOf(step);
    if (kind.allowedOn === 'trigger' && onWhenStopped.has(id))
      problems.push({ code: 'not_allowed_when_stopped', message: `${name(id)} cannot be on the When stopped path: it runs in the instant of the stop, so nothing on it may wait or jump (${kind.name})`, stepId: id, path });
    if (kind.allowedOn === 'when_stopped' && !onWhenStopped.has(id) && !unreachable.has(id))
      problems.push({
        code: 'only_when_stopped',
        message: workflow.whenStopped === undefined
          ? `${name(id)} works only on a When stopped path, and this Workflow has none`
          : `${name(id)} works only on the When stopped path, where the run has stopped; connect it there`,
        stepId: id,
        path,
      });
  }
  return problems;
}

export interface ValidateOptions {
  /** The other Workflows of the workspace, to check "Trigger another Workflow" targets. */
  workflows?: readonly Workflow[];
}

/**
 * Every reason this Workflow cannot be published or simulated, each attached to the
 * step or edge it concerns. An empty list means the Workflow is valid.
 *
 * @example validateWorkflow(wf).map((p) => p.message) // ['"Follow-up" cannot be reached from the trigger']
 */
export function validateWorkflow(workflow: Workflow, options: ValidateOptions = {}): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const graph = buildWorkflowGraph(workflow);
  // The first step with an id is the one the graph knows; a later duplicate is its own problem.
  const stepIndex = new Map<string, number>();
  workflow.steps.forEach((step, i) => {
    if (!stepIndex.has(step.id)) stepIndex.set(step.id, i);
  });
  const name = (id: string) => {
    if (id === workflow.trigger.id) return 'The trigger';
    if (id === graph.whenStoppedId) return 'The When stopped entry';
    const step = graph.steps.get(id);
    return `"${step?.label || id}"`;
  };

  const seenIds = new Set([workflow.trigger.id]);
  if (workflow.whenStopped !== undefined) {
    if (seenIds.has(workflow.whenStopped.id))
      problems.push({ code: 'duplicate_id', message: `Two nodes share the id "${workflow.whenStopped.id}"`, stepId: workflow.whenStopped.id, path: ['whenStopped', 'id'] });
    seenIds.add(workflow.whenStopped.id);
  }
  workflow.steps.forEach((step, i) => {
    if (seenIds.has(step.id))
      problems.push({ code: 'duplicate_id', message: `Two nodes share the id "${step.id}"`, stepId: step.id, path: ['steps', i, 'id'] });
    seenIds.add(step.id);
  });
  const edgeIds = new Set<string>();
  const usedHandles = new Set<string>();
  workflow.edges.forEach((edge, i) => {
    const at = (field: string) => ['edges', i, field];
    if (edgeIds.has(edge.id))
      problems.push({ code: 'duplicate_id', message: `Two edges share the id "${edge.id}"`, edgeId: edge.id, path: at('id') });
    edgeIds.add(edge.id);
    const sourceKnown = graph.successors.has(edge.source);
    if (!sourceKnown)
      problems.push({ code: 'edge_unknown_source', message: `An edge starts at "${edge.source}", which is not a step`, edgeId: edge.id, path: at('source') });
    if (!graph.steps.has(edge.target)) {
      problems.push(
        edge.target === workflow.trigger.id || edge.target === graph.whenStoppedId
          ? { code: 'edge_into_trigger', message: `Nothing can lead into ${edge.target === workflow.trigger.id ? 'the trigger' : 'the When stopped entry'}`, edgeId: edge.id, path: at('target') }
          : { code: 'edge_unknown_target', message: `An edge from ${sourceKnown ? name(edge.source) : `"${edge.source}"`} leads to "${edge.target}", which is not a step`, edgeId: edge.id, ...(sourceKnown ? { stepId: edge.source } : {}), path: at('target') },
      );
    }
    if (!sourceKnown) return;
    if (!hasOutput(graph, edge.source, edge.sourceHandle)) {
      problems.push({ code: 'edge_unknown_handle', message: `${name(edge.source)} has no output "${edge.sourceHandle}"`, stepId: edge.source, edgeId: edge.id, path: at('sourceHandle') });
      return;
    }
    const handleKey = `${edge.source}\u0000${edge.sourceHandle}`;
    if (usedHandles.has(handleKey))
      problems.push({ code: 'handle_used_twice', message: `${name(edge.source)} has two edges leaving its "${edge.sourceHandle}" output; keep one`, stepId: edge.source, edgeId: edge.id, path: at('sourceHandle') });
    usedHandles.add(handleKey);
  });

  const hasEdgeFrom = (id: string, handle: string) => usedHandles.has(`${id}\u0000${handle}`);
  workflow.steps.forEach((step, i) => {
    const path = ['steps', i];
    const kind = kindOf(step);
    if (kind.needsElse && !hasEdgeFrom(step.id, ELSE))
      problems.push({ code: 'branch_without_else', message: `${name(step.id)} needs an Else path`, stepId: step.id, path });
    const target = kind.jumpTarget?.(step);
    if (target !== undefined && !graph.steps.has(target))
      problems.push({
        code: 'jump_target_missing',
        message: target ? `${name(step.id)} jumps to "${target}", which is not a step` : `${name(step.id)} does not say which step to jump to`,
        stepId: step.id,
        path: [...path, 'target'],
      });
    if (kind.sentText?.(step).trim() === '')
      problems.push({ code: 'empty_message', message: `${name(step.id)} has no message text`, stepId: step.id, path: [...path, 'text'] });
    const started = kind.startsWorkflow?.(step);
    if (started !== undefined) checkWorkflowTarget(started, step.id, [...path, 'workflow']);
  });

  const unreachable = new Set(findUnreachableSteps(graph));
  for (const id of unreachable) {
    const from = graph.whenStoppedId === null ? 'the trigger' : 'the trigger or the When stopped entry';
    problems.push({ code: 'unreachable', message: `${name(id)} cannot be reached from ${from}`, stepId: id, path: ['steps', stepIndex.get(id) as number] });
  }
  problems.push(...pathProblems(workflow, graph, stepIndex, unreachable, name));
  for (const loop of findLoopsWithoutPause(graph)) {
    const first = loop[0] as string;
    problems.push({
      code: 'loop_without_pause',
      message: `The loop through ${loop.map(name).join(' → ')} has no ${PAUSING_NAMES}, so it could run forever`,
      stepId: first,
      relatedStepIds: loop.slice(1),
      path: ['steps', stepIndex.get(first) as number],
    });
  }

  problems.push(...settingsProblems(workflow.settings));
  return problems;

  function checkWorkflowTarget(ref: string, stepId: string, path: (string | number)[]) {
    if (ref.trim() === '') {
      problems.push({ code: 'workflow_target_missing', message: `${name(stepId)} does not say which Workflow to start`, stepId, path });
      return;
    }
    if (!options.workflows) return;
    const target = resolveWorkflowRef(options.workflows, ref);
    if (!target)
      problems.push({ code: 'workflow_target_missing', message: `${name(stepId)} starts "${ref}", which is not a Workflow here`, stepId, path });
    else if (target.trigger.type !== 'workflow_started')
      problems.push({ code: 'workflow_target_not_startable', message: `${name(stepId)} starts "${target.name}", whose trigger is not "Started by another Workflow"`, stepId, path });
  }
}
