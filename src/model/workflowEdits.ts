import { stepOutputs, type Step } from '../../simulator/schema/step.ts';
import type { Edge, WhenStopped, Workflow } from '../../simulator/schema/workflow.ts';

/**
 * Edits of a Workflow document as pure functions: each takes the Workflow and returns the next one
 * (the same object when nothing changes, so no empty undo step is recorded). The store applies
 * them; the canvas, the palette, the inspector and the keyboard all go through them.
 */

export type Position = { readonly x: number; readonly y: number };

/** Every node id in use (the trigger's, the When stopped entry's and the steps'). */
export const nodeIds = (workflow: Workflow): Set<string> =>
  new Set([workflow.trigger.id, ...(workflow.whenStopped ? [workflow.whenStopped.id] : []), ...workflow.steps.map((step) => step.id)]);

/** Whether a node is one of the two start nodes, which nothing leads into. */
const isEntry = (workflow: Workflow, nodeId: string) => nodeId === workflow.trigger.id || nodeId === workflow.whenStopped?.id;

/** The first `e<n>` no edge uses. */
function freeEdgeId(edges: readonly Edge[], taken: Set<string> = new Set(edges.map((edge) => edge.id))): string {
  for (let n = edges.length + 1; ; n++) {
    const id = `e${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The outputs of a node: the trigger and the When stopped entry have one, `next`. */
function outputsOf(workflow: Workflow, nodeId: string): string[] | null {
  if (isEntry(workflow, nodeId)) return ['next'];
  const step = workflow.steps.find((candidate) => candidate.id === nodeId);
  return step ? stepOutputs(step) : null;
}

export function addStep(workflow: Workflow, step: Step): Workflow {
  return { ...workflow, steps: [...workflow.steps, step] };
}

export interface Connection {
  readonly source: string;
  readonly sourceHandle: string;
  readonly target: string;
}

/** Why a connection cannot be made, or `null` when it can. */
export function connectionProblem(workflow: Workflow, connection: Connection): string | null {
  const outputs = outputsOf(workflow, connection.source);
  if (!outputs) return 'There is no such step to connect from';
  if (!outputs.includes(connection.sourceHandle)) return 'That step has no such output';
  if (connection.target === workflow.trigger.id) return 'Nothing can lead into the trigger';
  if (connection.target === workflow.whenStopped?.id) return 'Nothing can lead into When stopped';
  if (connection.target === connection.source) return 'A step cannot lead to itself';
  if (!workflow.steps.some((step) => step.id === connection.target)) return 'There is no such step to connect to';
  return null;
}

/**
 * Connects an output to a step. An output leads to one step only, so a connection from an output
 * already in use replaces its edge. Impossible connections change nothing.
 */
export function connect(workflow: Workflow, connection: Connection): Workflow {
  if (connectionProblem(workflow, connection) !== null) return workflow;
  const existing = workflow.edges.find((edge) => edge.source === connection.source && edge.sourceHandle === connection.sourceHandle);
  if (existing?.target === connection.target) return workflow;
  const others = workflow.edges.filter((edge) => edge !== existing);
  // Only the edge's own fields: a caller's connection object (React Flow's has `targetHandle`) must
  // not leak into the strict document.
  const { source, sourceHandle, target } = connection;
  return { ...workflow, edges: [...others, { id: existing?.id ?? freeEdgeId(workflow.edges), source, sourceHandle, target }] };
}

/** Moves an existing edge's ends (dragging an edge end to another handle or step). */
export function reconnect(workflow: Workflow, edgeId: string, connection: Connection): Workflow {
  const edge = workflow.edges.find((candidate) => candidate.id === edgeId);
  if (!edge || connectionProblem(workflow, connection) !== null) return workflow;
  // Dropped back where it was: nothing changes (no empty undo step).
  if (edge.source === connection.source && edge.sourceHandle === connection.sourceHandle && edge.target === connection.target) return workflow;
  const withoutOld = { ...workflow, edges: workflow.edges.filter((candidate) => candidate.id !== edgeId) };
  const connected = connect(withoutOld, connection);
  // Keep the edge's id on the one edge that ends up carrying the connection: the one `connect` added
  // last, or the existing one it left alone. Only that one: a document may hold two edges from one
  // output (a design problem, e.g. imported), and giving both the id would duplicate it.
  const carrier =
    connected === withoutOld
      ? connected.edges.find((candidate) => candidate.source === connection.source && candidate.sourceHandle === connection.sourceHandle)
      : connected.edges.at(-1);
  return { ...connected, edges: connected.edges.map((candidate) => (candidate === carrier ? { ...candidate, id: edgeId } : candidate)) };
}

/**
 * Puts a new step into an edge: source → step → old target. The step's first output carries on;
 * a step without outputs (End, Jump to) is only added to the edge's source, and the old target is
 * left for the author to reconnect.
 */
export function insertStepOnEdge(workflow: Workflow, edgeId: string, step: Step): Workflow {
  const edge = workflow.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) return addStep(workflow, step);
  const [firstOutput] = stepOutputs(step);
  const taken = new Set(workflow.edges.map((candidate) => candidate.id));
  const edges = workflow.edges.map((candidate) => (candidate.id === edgeId ? { ...candidate, target: step.id } : candidate));
  if (firstOutput !== undefined) edges.push({ id: freeEdgeId(workflow.edges, taken), source: step.id, sourceHandle: firstOutput, target: edge.target });
  return { ...workflow, steps: [...workflow.steps, step], edges };
}

/** The id the When stopped entry gets: `when-stopped`, or the first `when-stopped-<n>` no node uses. */
export function freeWhenStoppedId(workflow: Workflow): string {
  const taken = nodeIds(workflow);
  if (!taken.has('when-stopped')) return 'when-stopped';
  for (let n = 2; ; n++) if (!taken.has(`when-stopped-${n}`)) return `when-stopped-${n}`;
}

/** Adds the When stopped entry at `position`. A Workflow has at most one: with one already, nothing changes. */
export function addWhenStopped(workflow: Workflow, position: Position): Workflow {
  if (workflow.whenStopped) return workflow;
  const whenStopped: WhenStopped = { id: freeWhenStoppedId(workflow), label: '', position: { x: position.x, y: position.y } };
  return { ...workflow, whenStopped };
}

/**
 * Removes steps and the When stopped entry (never the trigger) with every edge touching them, and
 * the given edges. The entry's path stays, unconnected, as a deleted step's followers do.
 */
export function removeElements(workflow: Workflow, { stepIds = [], edgeIds = [] }: { readonly stepIds?: readonly string[]; readonly edgeIds?: readonly string[] }): Workflow {
  const steps = new Set(stepIds.filter((id) => id !== workflow.trigger.id));
  const edges = new Set(edgeIds);
  const keptSteps = workflow.steps.filter((step) => !steps.has(step.id));
  const keptEdges = workflow.edges.filter((edge) => !edges.has(edge.id) && !steps.has(edge.source) && !steps.has(edge.target));
  const dropEntry = workflow.whenStopped !== undefined && steps.has(workflow.whenStopped.id);
  if (!dropEntry && keptSteps.length === workflow.steps.length && keptEdges.length === workflow.edges.length) return workflow;
  const { whenStopped: _removed, ...withoutEntry } = workflow;
  return { ...(dropEntry ? withoutEntry : workflow), steps: keptSteps, edges: keptEdges };
}

/** Puts nodes (the trigger and the When stopped entry too) at new positions. */
export function moveNodes(workflow: Workflow, positions: ReadonlyMap<string, Position>): Workflow {
  if (positions.size === 0) return workflow;
  const moved = <T extends { readonly id: string; readonly position?: Position | undefined }>(node: T): T => {
    const position = positions.get(node.id);
    return position && (position.x !== node.position?.x || position.y !== node.position?.y) ? { ...node, position: { x: position.x, y: position.y } } : node;
  };
  const trigger = moved(workflow.trigger);
  const whenStopped = workflow.whenStopped && moved(workflow.whenStopped);
  const steps = workflow.steps.map(moved);
  if (trigger === workflow.trigger && whenStopped === workflow.whenStopped && steps.every((step, i) => step === workflow.steps[i])) return workflow;
  return { ...workflow, trigger, ...(whenStopped ? { whenStopped } : {}), steps };
}

/**
 * Replaces a step with a new version of it (from the inspector). Edges from outputs the step no
 * longer has (a Branch path deleted, an Ask's timeout removed) go with them.
 */
export function updateStep(workflow: Workflow, step: Step): Workflow {
  const index = workflow.steps.findIndex((candidate) => candidate.id === step.id);
  if (index === -1 || workflow.steps[index] === step) return workflow;
  const steps = workflow.steps.with(index, step);
  const outputs = new Set(stepOutputs(step));
  const edges = workflow.edges.filter((edge) => edge.source !== step.id || outputs.has(edge.sourceHandle));
  return { ...workflow, steps, edges: edges.length === workflow.edges.length ? workflow.edges : edges };
}

/** Steps and the edges between them, as copied (the clipboard's contents). */
export interface Fragment {
  readonly steps: readonly Step[];
  readonly edges: readonly Edge[];
}

/** The chosen steps (never the trigger nor the When stopped entry) and the edges that run between two of them. */
export function copyFragment(workflow: Workflow, stepIds: readonly string[]): Fragment {
  const chosen = new Set(stepIds);
  const steps = workflow.steps.filter((step) => chosen.has(step.id));
  // Between two copied steps: a selection holding the trigger must not bring the trigger's edge,
  // whose source the paste could not re-point.
  const copied = new Set(steps.map((step) => step.id));
  return { steps, edges: workflow.edges.filter((edge) => copied.has(edge.source) && copied.has(edge.target)) };
}

/**
 * Adds a copy of a fragment, moved by `offset`, with fresh ids (`<id>-copy`, `<id>-copy-2`…).
 * Returns the Workflow and the new steps' ids, to select them.
 */
export function pasteFragment(workflow: Workflow, fragment: Fragment, offset: Position): { readonly workflow: Workflow; readonly stepIds: string[] } {
  if (fragment.steps.length === 0) return { workflow, stepIds: [] };
  const taken = nodeIds(workflow);
  const renamed = new Map<string, string>();
  for (const step of fragment.steps) {
    const base = `${step.id.replace(/-copy(-\d+)?$/, '').slice(0, 50)}-copy`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    renamed.set(step.id, id);
  }
  const steps = fragment.steps.map((step) => ({
    ...step,
    id: renamed.get(step.id) as string,
    position: { x: (step.position?.x ?? 0) + offset.x, y: (step.position?.y ?? 0) + offset.y },
  }));
  const edgeIds = new Set(workflow.edges.map((edge) => edge.id));
  const edges = fragment.edges.map((edge) => ({
    ...edge,
    id: freeEdgeId(workflow.edges, edgeIds),
    source: renamed.get(edge.source) as string,
    target: renamed.get(edge.target) as string,
  }));
  return { workflow: { ...workflow, steps: [...workflow.steps, ...steps], edges: [...workflow.edges, ...edges] }, stepIds: steps.map((step) => step.id) };
}
