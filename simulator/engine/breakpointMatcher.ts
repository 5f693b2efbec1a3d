import type { BreakpointHit, Breakpoints } from '../schema/breakpoints.ts';
import { stopReasonSchema } from '../schema/settings.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { STARTED_AT_STEP, type Simulation } from './simulation.ts';
import { K } from './traceLog.ts';

const STOP_REASONS = stopReasonSchema.options;
const NO_STEPS = new Uint8Array(0);

/**
 * Which trace rows of one simulation meet the breakpoints: a run entering a chosen step (a `step`
 * row; for the trigger, `run.started` of a run started there; for the When stopped entry,
 * `when_stopped.started`), any `run.stopped`, or one with a chosen reason. Read straight from the
 * trace's columns, so checking every row of a population's run costs a few comparisons a row.
 */
export class BreakpointMatcher {
  /** Per compiled Workflow (a publish adds versions as the simulation goes), per node: 1 when entering it pauses. */
  private readonly nodes: Uint8Array[] = [];
  private readonly stepKeys: ReadonlySet<string>;
  private readonly stopMask: number;
  private readonly anyStop: boolean;
  /** Whether anything can match: without, playback need not stop between queued entries. */
  readonly armed: boolean;

  constructor(
    private readonly sim: Simulation,
    breakpoints: Breakpoints,
  ) {
    this.stepKeys = new Set(breakpoints.steps.map(({ workflow, step }) => `${workflow}\u0000${step}`));
    this.anyStop = breakpoints.anyStop;
    this.stopMask = breakpoints.stopReasons.reduce((mask, reason) => mask | (1 << STOP_REASONS.indexOf(reason)), 0);
    this.armed = this.stepKeys.size > 0 || this.anyStop || this.stopMask !== 0;
  }

  /** The first row in [from, to) that meets a breakpoint, or -1. */
  firstHit(from: number, to: number): number {
    if (!this.armed) return -1;
    const trace = this.sim.trace;
    const steps = this.stepKeys.size > 0;
    const stops = this.anyStop || this.stopMask !== 0;
    for (let row = from; row < to; row++) {
      const kind = trace.kindAt(row);
      if (kind === K['run.stopped']) {
        if (stops && (this.anyStop || ((this.stopMask >> trace.codeAt(row)) & 1) === 1)) return row;
      } else if (steps && (kind === K.step || kind === K['when_stopped.started'] || (kind === K['run.started'] && trace.codeAt(row) !== STARTED_AT_STEP))) {
        if (this.nodesOf(trace.workflowAt(row))[trace.nodeAt(row)] === 1) return row;
      }
    }
    return -1;
  }

  /** A matched row as the frame reports it. */
  describe(row: number): BreakpointHit {
    const sim = this.sim;
    const trace = sim.trace;
    const workflow = sim.workflows[trace.workflowAt(row)] as CompiledWorkflow;
    const kind = trace.kindAt(row);
    const stopped = kind === K['run.stopped'];
    const reason = stopped ? STOP_REASONS[trace.codeAt(row)] : undefined;
    return {
      seq: row,
      t: trace.tAt(row),
      kind: stopped ? 'run.stopped' : kind === K.step ? 'step' : kind === K['run.started'] ? 'run.started' : 'when_stopped.started',
      by: !stopped ? 'step' : this.anyStop ? 'any_stop' : 'stop_reason',
      workflow: workflow.id,
      step: workflow.nodes[trace.nodeAt(row)]?.id ?? '',
      contact: sim.feed.contactId(trace.contactAt(row)),
      run: trace.runAt(row),
      ...(reason === undefined ? {} : { reason }),
    };
  }

  private nodesOf(w: number): Uint8Array {
    let nodes = this.nodes[w];
    if (nodes === undefined) {
      const workflow = this.sim.workflows[w];
      nodes = workflow ? Uint8Array.from(workflow.nodes, (node) => (this.stepKeys.has(`${workflow.id}\u0000${node.id}`) ? 1 : 0)) : NO_STEPS;
      this.nodes[w] = nodes;
    }
    return nodes;
  }
}
