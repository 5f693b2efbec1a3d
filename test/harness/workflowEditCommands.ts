import fc from 'fast-check';
import { STEP_TYPES, stepOutputs, stepSchema, type Step, type StepType } from '../../simulator/schema/step.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { blankWorkflow } from '../../src/model/blankWorkflow.ts';
import { autoLayout } from '../../src/parts/canvas/autoLayout.ts';
import {
  addStep,
  connect,
  copyFragment,
  insertStepOnEdge,
  moveNodes,
  nodeIds,
  pasteFragment,
  reconnect,
  removeElements,
  updateStep,
  type Position,
} from '../../src/model/workflowEdits.ts';
import { createStep, freeStepId } from '../../src/parts/canvas/steps/stepKinds.ts';
import { buildWorkflow, chainWorkflows, followUpWorkflow, loopWorkflow, questionWorkflow, routingWorkflow, steps } from './workflowFixtures.ts';

/**
 * Random sequences of builder edits for property tests. A command is generated before the
 * Workflow it applies to is known, so it names nodes, outputs and edges by index (taken modulo
 * what the Workflow has when the command runs); each list also holds one name that does not exist
 * (`ghost`, an unknown output, an unknown edge), so refused edits are exercised too. Every edit
 * goes through the functions of `workflowEdits.ts`, as the canvas, palette and inspector do.
 */

/** How a command changes a step in the inspector (falls back to its label when it does not apply). */
export type StepChange = 'label' | 'text' | 'path-add' | 'path-remove' | 'path-rename' | 'timeout-toggle' | 'jump-target' | 'retype';

export type EditCommand =
  | { readonly kind: 'rename'; readonly name: string }
  | { readonly kind: 'add'; readonly type: StepType; readonly at: Position }
  | { readonly kind: 'connect'; readonly from: number; readonly handle: number; readonly to: number }
  | { readonly kind: 'reconnect'; readonly edge: number; readonly from: number; readonly handle: number; readonly to: number }
  | { readonly kind: 'insert'; readonly edge: number; readonly type: StepType; readonly at: Position }
  | { readonly kind: 'remove'; readonly steps: readonly number[]; readonly edges: readonly number[]; readonly trigger: boolean }
  | { readonly kind: 'move'; readonly moves: readonly { readonly node: number; readonly at: Position }[] }
  | { readonly kind: 'update'; readonly step: number; readonly change: StepChange; readonly seed: number }
  /** Copies the chosen nodes (by index among the trigger, the steps and a ghost: a box selection may hold the trigger) and pastes them. */
  | { readonly kind: 'paste'; readonly nodes: readonly number[]; readonly offset: Position }
  | { readonly kind: 'layout' };

const GHOST = 'ghost';
const NO_SUCH_OUTPUT = 'no-such-output';
const NO_SUCH_EDGE = 'no-such-edge';

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** The trigger, every step, and one id no node has. */
const nodesOf = (workflow: Workflow): string[] => [workflow.trigger.id, ...workflow.steps.map((step) => step.id), GHOST];

/** The outputs of a node, and one it does not have. */
function handlesOf(workflow: Workflow, nodeId: string): string[] {
  const step = workflow.steps.find((candidate) => candidate.id === nodeId);
  const outputs = nodeId === workflow.trigger.id ? ['next'] : step ? stepOutputs(step) : [];
  return [...outputs, NO_SUCH_OUTPUT];
}

function connection(workflow: Workflow, from: number, handle: number, to: number) {
  const source = pick(nodesOf(workflow), from);
  return { source, sourceHandle: pick(handlesOf(workflow, source), handle), target: pick(nodesOf(workflow), to) };
}

const newStep = (workflow: Workflow, type: StepType, at: Position): Step => createStep(type, freeStepId(type, nodeIds(workflow)), at);

/** A changed version of `step`, as the inspector would produce it (always a valid step). */
export function changeStep(workflow: Workflow, step: Step, change: StepChange, seed: number): Step {
  const relabelled = (): Step => ({ ...step, label: `${step.label} ${seed}`.slice(-120) });
  const next = ((): Step => {
    switch (change) {
      case 'label':
        return relabelled();
      case 'text':
        return step.type === 'send_message' || step.type === 'ask_question' || step.type === 'add_comment' ? { ...step, text: `Text ${seed}` } : relabelled();
      case 'path-add':
        if (step.type !== 'branch' || step.paths.some((path) => path.id === `p-${seed}`)) return relabelled();
        return { ...step, paths: [...step.paths, { id: `p-${seed}`, label: `Path ${seed}`, match: 'any', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }] };
      case 'path-remove':
        if (step.type !== 'branch' || step.paths.length < 2) return relabelled();
        return { ...step, paths: step.paths.filter((_, i) => i !== seed % step.paths.length) };
      case 'path-rename': {
        if (step.type !== 'branch' || step.paths.some((path) => path.id === `r-${seed}`)) return relabelled();
        const renamed = seed % step.paths.length;
        return { ...step, paths: step.paths.map((path, i) => (i === renamed ? { ...path, id: `r-${seed}` } : path)) };
      }
      case 'timeout-toggle':
        if (step.type !== 'ask_question') return relabelled();
        if (step.timeout === undefined) return { ...step, timeout: '30m' };
        {
          const { timeout: _timeout, ...withoutTimeout } = step;
          return withoutTimeout;
        }
      case 'jump-target':
        return step.type === 'jump_to' ? { ...step, target: pick(nodesOf(workflow), seed) } : relabelled();
      case 'retype': {
        // Same id, another kind of step: every output may change at once.
        const type = pick(STEP_TYPES, seed);
        return type === step.type ? relabelled() : createStep(type, step.id, step.position ?? { x: 0, y: 0 }, step.label);
      }
    }
  })();
  // Through the real schema, so a generator mistake shows as a thrown error, never as a bad edit.
  return stepSchema.parse(next);
}

/** Applies one command through the edit functions, exactly as the builder would. */
export function applyEditCommand(workflow: Workflow, command: EditCommand): Workflow {
  switch (command.kind) {
    case 'rename':
      return command.name === workflow.name ? workflow : { ...workflow, name: command.name };
    case 'add':
      return addStep(workflow, newStep(workflow, command.type, command.at));
    case 'connect':
      return connect(workflow, connection(workflow, command.from, command.handle, command.to));
    case 'reconnect': {
      const edgeId = pick([...workflow.edges.map((edge) => edge.id), NO_SUCH_EDGE], command.edge);
      return reconnect(workflow, edgeId, connection(workflow, command.from, command.handle, command.to));
    }
    case 'insert': {
      const edgeId = pick([...workflow.edges.map((edge) => edge.id), NO_SUCH_EDGE], command.edge);
      return insertStepOnEdge(workflow, edgeId, newStep(workflow, command.type, command.at));
    }
    case 'remove': {
      const stepIds = [...command.steps.map((i) => pick([...workflow.steps.map((step) => step.id), GHOST], i)), ...(command.trigger ? [workflow.trigger.id] : [])];
      const edgeIds = command.edges.map((i) => pick([...workflow.edges.map((edge) => edge.id), NO_SUCH_EDGE], i));
      return removeElements(workflow, { stepIds, edgeIds });
    }
    case 'move':
      return moveNodes(workflow, new Map(command.moves.map(({ node, at }) => [pick(nodesOf(workflow), node), at])));
    case 'update': {
      if (workflow.steps.length === 0) return workflow;
      const step = pick(workflow.steps, command.step);
      return updateStep(workflow, changeStep(workflow, step, command.change, command.seed));
    }
    case 'paste': {
      const fragment = copyFragment(workflow, command.nodes.map((i) => pick(nodesOf(workflow), i)));
      return pasteFragment(workflow, fragment, command.offset).workflow;
    }
    case 'layout':
      return autoLayout(workflow);
  }
}

// ── arbitraries ──────────────────────────────────────────────────────────────────────────────

const index = fc.nat({ max: 1000 });
const position: fc.Arbitrary<Position> = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) });
const stepType = fc.constantFrom(...STEP_TYPES);
const change = fc.constantFrom<StepChange>('label', 'text', 'path-add', 'path-remove', 'path-rename', 'timeout-toggle', 'jump-target', 'retype');

export const editCommandArb: fc.Arbitrary<EditCommand> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('Follow-up', 'Renamed', 'Another name') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), type: stepType, at: position }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('connect' as const), from: index, handle: index, to: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), edge: index, from: index, handle: index, to: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), edge: index, type: stepType, at: position }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), steps: fc.array(index, { maxLength: 3 }), edges: fc.array(index, { maxLength: 3 }), trigger: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), moves: fc.array(fc.record({ node: index, at: position }), { maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), step: index, change, seed: index }) },
  // At most five steps a paste, so forty edits stay far below the schema's 5,000 steps.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste' as const), nodes: fc.array(index, { minLength: 1, maxLength: 5 }), offset: position }) },
  { weight: 1, arbitrary: fc.constant<EditCommand>({ kind: 'layout' }) },
);

/**
 * A Workflow drafted with two edges leaving one output, an empty message, an unreachable step and
 * a Branch without Else: design problems a draft may have (import accepts them), no structural one.
 */
export function messyDraftWorkflow(): Workflow {
  return buildWorkflow({
    id: 'messy',
    name: 'Messy draft',
    steps: [
      steps.send('hello', 'Hi'),
      steps.send('a', ''),
      steps.send('b', 'B'),
      steps.branch('route', [
        { id: 'p1', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] },
        { id: 'p2', label: 'Lead', conditions: [{ subject: 'field', field: 'status', operator: 'is', value: 'lead' }] },
      ]),
      steps.jump('back', 'hello'),
      steps.hours('hours', [1, 2, 3], '09:00', '17:00'),
      steps.ask('q', 'What do you need?', 'need', '1h'),
      steps.end(),
    ],
    edges: ['trigger>hello', 'hello>a', 'hello>b', 'a>route', 'route:p1>back', 'route:p2>q', 'q:answered>end', 'q:timeout>end', 'hours:match>end'],
  });
}

/** Documents the builder can open: the fixtures, a blank Workflow and a messy draft. */
export const START_WORKFLOWS: Readonly<Record<string, () => Workflow>> = {
  blank: () => blankWorkflow('wf-blank'),
  'follow-up': () => followUpWorkflow(),
  question: () => questionWorkflow(),
  loop: () => loopWorkflow(),
  routing: () => routingWorkflow(),
  parent: () => chainWorkflows()[0],
  messy: messyDraftWorkflow,
};

/** The name of a start Workflow (a name, so a counterexample reads short). */
export const startNameArb: fc.Arbitrary<string> = fc.constantFrom(...Object.keys(START_WORKFLOWS));

export function startWorkflow(name: string): Workflow {
  const build = START_WORKFLOWS[name];
  if (!build) throw new Error(`No start Workflow "${name}"`);
  return build();
}
