import type { Coverage, EdgeCoverage, StepCoverage, Uncovered } from '../schema/coverage.ts';
import type { Workflow } from '../schema/workflow.ts';
import { JUMPED, STARTED_AT_STEP, type Simulation } from './simulation.ts';
import { K } from './traceLog.ts';

/** The output a Jump to's link is named by, beside the connections' outputs. */
export const JUMP_OUTPUT = 'jump';
/** 2^22 > any node index (LIMITS.steps and the trace's step column), so (output, node) packs into one safe integer. */
const NODE_SPAN = 4_194_304;

const key = (...parts: string[]) => parts.join('\u0000');

/**
 * Which steps and paths of the given Workflows some run took, gathered from finished (or paused)
 * simulations' traces — nothing is simulated again. A step counts when a run entered it (a `step`
 * row); a path when a run went along it: the step rows of one run follow each other, and each
 * names the output the run left the step before by (a Branch's path, `answered` or `timeout` of an
 * Ask, a stop reason on the When stopped path), or that a Jump to sent it. A test run started at a
 * step took no path to it. Versions a publish brought in count with their Workflow, by step id and
 * output; steps and paths only a later version has are not counted.
 *
 * @example const tally = new CoverageTally(workflows); tally.add(simA); tally.add(simB); tally.coverage()
 */
export class CoverageTally {
  private readonly steps: StepCoverage[] = [];
  private readonly edges: EdgeCoverage[] = [];
  private readonly stepIndex = new Map<string, number>();
  private readonly edgeIndex = new Map<string, number>();
  private readonly names: { workflow: string; name: string }[];
  private simulations = 0;
  private readonly stoppedShort: number[] = [];

  constructor(workflows: readonly Workflow[]) {
    this.names = workflows.map((workflow) => ({ workflow: workflow.id, name: workflow.name }));
    for (const workflow of workflows) {
      for (const step of workflow.steps) {
        this.stepIndex.set(key(workflow.id, step.id), this.steps.length);
        this.steps.push({ workflow: workflow.id, step: step.id, label: step.label || step.id, entered: 0 });
      }
      for (const edge of workflow.edges) {
        const id = key(workflow.id, edge.source, edge.sourceHandle);
        // Two connections from one output: the engine follows the last one, so that one is the path.
        const existing = this.edgeIndex.get(id);
        const entry: EdgeCoverage = { workflow: workflow.id, edge: edge.id, kind: 'edge', source: edge.source, output: edge.sourceHandle, target: edge.target, taken: 0 };
        if (existing === undefined) {
          this.edgeIndex.set(id, this.edges.length);
          this.edges.push(entry);
        } else this.edges[existing] = entry;
      }
      for (const step of workflow.steps) {
        if (step.type !== 'jump_to') continue;
        this.edgeIndex.set(key(workflow.id, step.id, JUMP_OUTPUT), this.edges.length);
        this.edges.push({ workflow: workflow.id, edge: step.id, kind: 'jump', source: step.id, output: JUMP_OUTPUT, target: step.target, taken: 0 });
      }
    }
  }

  /** Counts what one simulation's runs took; `script` names it in `stoppedShort` when it did not reach its end. */
  add(sim: Simulation, script = this.simulations): this {
    this.simulations++;
    if (sim.stoppedShort !== null) this.stoppedShort.push(script);
    const trace = sim.trace;
    const stepSlots = sim.workflows.map((workflow) => Int32Array.from(workflow.nodes, (node) => this.stepIndex.get(key(workflow.id, node.id)) ?? -1));
    const edgeSlots = sim.workflows.map(() => new Map<number, number>());
    const edgeSlot = (w: number, from: number, via: number): number => {
      const packed = (via + 4) * NODE_SPAN + from;
      const slots = edgeSlots[w] as Map<number, number>;
      let slot = slots.get(packed);
      if (slot === undefined) {
        const workflow = sim.workflows[w];
        const source = workflow?.nodes[from]?.id ?? '';
        const output = via === JUMPED ? JUMP_OUTPUT : (trace.text(via) ?? '');
        slot = workflow === undefined ? -1 : (this.edgeIndex.get(key(workflow.id, source, output)) ?? -1);
        slots.set(packed, slot);
      }
      return slot;
    };
    // Per run, the node it was last at (-1: none, no path leads to its next step).
    const at = new Int32Array(sim.runs.length).fill(-1);
    for (let row = 0; row < trace.length; row++) {
      const kind = trace.kindAt(row);
      const run = trace.runAt(row);
      if (kind === K.step) {
        const w = trace.workflowAt(row);
        const node = trace.nodeAt(row);
        const step = stepSlots[w]?.[node] ?? -1;
        if (step >= 0) (this.steps[step] as StepCoverage).entered++;
        const from = at[run] as number;
        const via = trace.bAt(row);
        if (from >= 0 && (via >= 0 || via === JUMPED)) {
          const edge = edgeSlot(w, from, via);
          if (edge >= 0) (this.edges[edge] as EdgeCoverage).taken++;
        }
        at[run] = node;
      } else if (kind === K['run.started']) at[run] = trace.codeAt(row) === STARTED_AT_STEP ? -1 : trace.nodeAt(row);
      else if (kind === K['when_stopped.started'] || kind === K['run.moved']) at[run] = trace.nodeAt(row);
    }
    return this;
  }

  /** What has been counted so far, as the worker and `--coverage` report it. */
  coverage(): Coverage {
    const count = <T>(items: readonly T[], covered: (item: T) => boolean) => ({ covered: items.filter(covered).length, total: items.length });
    const entered = (step: StepCoverage) => step.entered > 0;
    const taken = (edge: EdgeCoverage) => edge.taken > 0;
    // Per Workflow, its steps then its paths: a thousand Workflows are grouped once, not scanned a thousand times.
    const byWorkflow = new Map(this.names.map(({ workflow }) => [workflow, { steps: [] as StepCoverage[], edges: [] as EdgeCoverage[] }]));
    for (const step of this.steps) byWorkflow.get(step.workflow)?.steps.push(step);
    for (const edge of this.edges) byWorkflow.get(edge.workflow)?.edges.push(edge);
    const uncovered: Uncovered[] = [];
    for (const [workflow, { steps, edges }] of byWorkflow) {
      for (const step of steps) if (!entered(step)) uncovered.push({ kind: 'step', workflow, step: step.step, label: step.label });
      for (const edge of edges) if (!taken(edge)) uncovered.push({ kind: 'edge', workflow, edge: edge.edge, source: edge.source, output: edge.output, target: edge.target });
    }
    return {
      steps: count(this.steps, entered),
      edges: count(this.edges, taken),
      uncovered,
      workflows: this.names.map(({ workflow, name }) => {
        const own = byWorkflow.get(workflow);
        return { workflow, name, steps: count(own?.steps ?? [], entered), edges: count(own?.edges ?? [], taken) };
      }),
      perStep: this.steps.map((step) => ({ ...step })),
      perEdge: this.edges.map((edge) => ({ ...edge })),
      scripts: this.simulations,
      stoppedShort: [...this.stoppedShort],
    };
  }
}

/** The coverage of one or more simulations of the same Workflows. */
export function coverage(workflows: readonly Workflow[], sims: readonly Simulation[]): Coverage {
  const tally = new CoverageTally(workflows);
  sims.forEach((sim, i) => tally.add(sim, i));
  return tally.coverage();
}
