import { resolveWorkflowRef } from '../graph/resolveWorkflowRef.ts';
import { formatOffset } from '../schema/duration.ts';
import { LIMITS } from '../schema/limits.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import type { InputProblem } from '../schema/result.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { testRunStartProblem } from '../validate/testRunStart.ts';
import { validateWorkflow } from '../validate/validateWorkflow.ts';
import { Simulation } from './simulation.ts';
import type { TraceLog } from './traceLog.ts';
import { formatCount } from '../schema/formatCount.ts';

export interface PrepareInput {
  readonly workflows: readonly Workflow[];
  readonly script: Script;
  readonly until?: number;
  readonly maxTraceEntries?: number;
  /** The new versions the script's publishes name, by their `file`. */
  readonly versions?: Readonly<Record<string, Workflow>>;
  /** A finished run's trace of this same input, to replay rather than store again (see `SimulationInput`). */
  readonly replays?: TraceLog;
}

/** At most this many publishes in one script: each compiles a version and visits every contact. */
export const MAX_PUBLISHES = 100;

export type Prepared = { readonly ok: true; readonly simulation: Simulation } | { readonly ok: false; readonly problems: InputProblem[] };

/**
 * Checks parsed inputs for everything that would make a simulation meaningless — an invalid
 * Workflow, two Workflows with one id, a script naming a Workflow that is not loaded —
 * and returns every problem, or a simulation ready to run.
 */
export function prepareSimulation(input: PrepareInput): Prepared {
  const problems: InputProblem[] = [];
  if (input.workflows.length > LIMITS.workflows)
    problems.push({ source: 'workflow', index: LIMITS.workflows, path: '$', message: `At most ${formatCount(LIMITS.workflows)} Workflows can be simulated together (${formatCount(input.workflows.length)} given)` });
  if (input.until !== undefined && !(input.until >= 0 && input.until <= LIMITS.horizonMs))
    problems.push({ source: 'script', index: 0, path: '$', message: `The simulation's end must be between +0 and ${formatOffset(LIMITS.horizonMs)} (ten years), not ${formatOffset(input.until)}` });
  const contacts = input.script.population?.contacts ?? input.script.contacts.length;
  if (contacts * input.workflows.length > LIMITS.contactWorkflowPairs)
    problems.push({
      source: 'script',
      index: 0,
      path: input.script.population ? '$.population.contacts' : '$.contacts',
      message: `${formatCount(contacts)} contacts × ${formatCount(input.workflows.length)} Workflows is more than the ${formatCount(LIMITS.contactWorkflowPairs)} contact–Workflow pairs one simulation holds: simulate fewer Workflows together, or fewer contacts`,
    });
  const ids = new Map<string, number>();
  input.workflows.forEach((workflow, index) => {
    const clash = ids.get(workflow.id);
    if (clash !== undefined)
      problems.push({ source: 'workflow', index, path: '$.id', message: `Another loaded Workflow (number ${clash + 1}) has the id "${workflow.id}"` });
    ids.set(workflow.id, index);
    for (const problem of validateWorkflow(workflow, { workflows: input.workflows }))
      problems.push({ source: 'workflow', index, path: formatJsonPath(problem.path), message: problem.message });
  });
  const known = (ref: string) => resolveWorkflowRef(input.workflows, ref) !== undefined;
  const names = input.workflows.map((workflow) => `"${workflow.name}"`).join(', ') || 'none';
  input.script.events.forEach((event, i) => {
    if ((event.type === 'workflow.stop' || event.type === 'shortcut' || event.type === 'workflow.start') && !known(event.workflow))
      problems.push({ source: 'script', index: 0, path: `$.events[${i}].workflow`, message: `No Workflow "${event.workflow}" is loaded (loaded: ${names})` });
    else if (event.type === 'workflow.publish') problems.push(...publishProblems(input, event, i));
    else if (event.type === 'workflow.start' && event.atStep !== undefined) {
      const problem = testRunStartProblem(resolveWorkflowRef(input.workflows, event.workflow) as Workflow, event.atStep);
      if (problem !== null) problems.push({ source: 'script', index: 0, path: `$.events[${i}].atStep`, message: problem });
    }
  });
  input.script.expect.forEach((expectation, i) => {
    if ('workflow' in expectation && !known(expectation.workflow))
      problems.push({ source: 'script', index: 0, path: `$.expect[${i}].workflow`, message: `No Workflow "${expectation.workflow}" is loaded (loaded: ${names})` });
  });
  const publishes = input.script.events.filter((event) => event.type === 'workflow.publish').length;
  if (publishes > MAX_PUBLISHES)
    problems.push({ source: 'script', index: 0, path: '$.events', message: `${formatCount(publishes)} publishes is more than the ${MAX_PUBLISHES} one script may make` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, simulation: new Simulation(input) };
}

/** A publish's new version: given, of the same Workflow (its id), and valid beside the other Workflows. */
function publishProblems(input: PrepareInput, event: Extract<Script['events'][number], { type: 'workflow.publish' }>, i: number): InputProblem[] {
  const at = (path: string, message: string): InputProblem => ({ source: 'script', index: 0, path: `$.events[${i}].${path}`, message });
  const replaced = resolveWorkflowRef(input.workflows, event.workflow) as Workflow;
  const version = input.versions !== undefined && Object.hasOwn(input.versions, event.file) ? input.versions[event.file] : undefined;
  if (version === undefined) return [at('file', `No Workflow was given for "${event.file}", the new version this publish names`)];
  if (version.id !== replaced.id)
    return [at('file', `"${event.file}" holds the Workflow "${version.id}", not a new version of "${replaced.id}" (a new version keeps its id)`)];
  const others = input.workflows.filter((workflow) => workflow.id !== replaced.id);
  return validateWorkflow(version, { workflows: [...others, version] }).map((problem) => at('file', `"${event.file}" ${formatJsonPath(problem.path)}: ${problem.message}`));
}
