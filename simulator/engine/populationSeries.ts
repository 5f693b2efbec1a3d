import type { PausedAtSteps, PausesBucket, PausesOverTime } from '../schema/pauseSeries.ts';
import type { FunnelStep, StepFunnel, StopCounts, StopsBucket, StopsOverTime } from '../schema/population.ts';
import { stopReasonSchema } from '../schema/script.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { ACTIVE, COMPLETED, FAILED, PAUSED, STOPPED } from './runTable.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Bucket widths an axis reads well in (`+15m`, `+6h`, `+1d`); past a week, whole weeks. */
const ROUND_WIDTHS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, WEEK,
];

const REASONS = stopReasonSchema.options;

const noStops = (): StopCounts => Object.fromEntries(REASONS.map((reason) => [reason, 0])) as StopCounts;

/**
 * The roundest bucket width that cuts `[0, end]` into at most `buckets` buckets (the last one
 * holding `end`): `bucketWidth(3 * DAY, 24)` → 4h.
 */
export function bucketWidth(end: number, buckets: number): number {
  for (const width of ROUND_WIDTHS) if (Math.floor(end / width) < buckets) return width;
  return WEEK * Math.ceil((Math.floor(end / WEEK) + 1) / buckets);
}

/**
 * Where the timeline of a simulation ends: its last trace entry once it has run to the end; the
 * clock while it is partly played (there is more to come, so the chart reaches "now").
 */
export function timelineEnd(sim: Simulation): number {
  const trace = sim.trace;
  const last = trace.length > 0 ? trace.tAt(trace.length - 1) : 0;
  return sim.hasPending() ? Math.max(last, sim.now) : last;
}

export interface StopsOverTimeOptions {
  /** The instant the buckets reach (ms since start): by default `timelineEnd(sim)`; the whole run's end keeps a playing chart's axis still. */
  readonly end?: number;
  /** Only this Workflow's runs (id or name); every Workflow's by default. */
  readonly workflow?: string;
}

/**
 * How many runs stopped in each stretch of virtual time, by reason, read from the run table (a
 * run stops once; its end time and reason are on its row). At most `buckets` buckets of a round
 * width cover 0 … end; stops after `end` (a chart fixed to an earlier end) are left out.
 *
 * ```ts
 * stopsOverTime(sim.runToEnd(), 24).buckets[3] // { from: 43_200_000, to: 57_600_000, stopped: { incoming_message: 41, … } }
 * ```
 */
export function stopsOverTime(sim: Simulation, buckets: number, options: StopsOverTimeOptions = {}): StopsOverTime {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`stopsOverTime: buckets must be a whole number of at least 1, not ${buckets}`);
  const end = Math.max(0, options.end ?? timelineEnd(sim));
  if (!Number.isFinite(end)) throw new RangeError('stopsOverTime: the end must be a finite number of milliseconds');
  const ofWorkflow = options.workflow === undefined ? null : versionsOf(sim, workflowIndex(sim, options.workflow));
  const width = bucketWidth(end, buckets);
  const count = Math.floor(end / width) + 1;
  // One row of counts per bucket, reasons side by side.
  const tallies = new Int32Array(count * REASONS.length);
  const runs = sim.runs;
  for (let run = 0; run < runs.length; run++) {
    if (runs.status(run) !== STOPPED || (ofWorkflow !== null && ofWorkflow[runs.workflow(run)] === 0)) continue;
    const at = runs.endedAt(run);
    if (at > end) continue;
    const cell = Math.floor(at / width) * REASONS.length + runs.reason(run);
    tallies[cell] = (tallies[cell] ?? 0) + 1;
  }
  const total = noStops();
  const series: StopsBucket[] = Array.from({ length: count }, (_, i) => {
    const stopped = noStops();
    REASONS.forEach((reason, r) => {
      const n = tallies[i * REASONS.length + r] ?? 0;
      stopped[reason] = n;
      total[reason] += n;
    });
    return { from: i * width, to: (i + 1) * width, stopped };
  });
  return { end, asOf: Math.min(end, timelineEnd(sim)), bucketMs: width, buckets: series, total };
}

/**
 * How many runs an exit condition paused, and how many paused runs resumed, in each stretch of
 * virtual time — the same buckets as `stopsOverTime` with the same `buckets` and options — read
 * from the trace (a run may pause and resume more than once: each counts); and the runs paused now.
 * A pause extended is not a new pause.
 *
 * ```ts
 * pausesOverTime(sim.runToEnd(), 24).buckets[0] // { from: 0, to: 14_400_000, paused: 12, resumed: 3 }
 * ```
 */
export function pausesOverTime(sim: Simulation, buckets: number, options: StopsOverTimeOptions = {}): PausesOverTime {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`pausesOverTime: buckets must be a whole number of at least 1, not ${buckets}`);
  const end = Math.max(0, options.end ?? timelineEnd(sim));
  if (!Number.isFinite(end)) throw new RangeError('pausesOverTime: the end must be a finite number of milliseconds');
  const ofWorkflow = options.workflow === undefined ? null : versionsOf(sim, workflowIndex(sim, options.workflow));
  const width = bucketWidth(end, buckets);
  const count = Math.floor(end / width) + 1;
  // Per bucket, pauses then resumes.
  const tallies = new Int32Array(count * 2);
  const trace = sim.trace;
  const [paused, resumed] = [K['run.paused'], K['run.resumed']];
  for (let row = 0; row < trace.length; row++) {
    const kind = trace.kindAt(row);
    if ((kind !== paused && kind !== resumed) || (ofWorkflow !== null && ofWorkflow[trace.workflowAt(row)] === 0)) continue;
    const at = trace.tAt(row);
    if (at > end) continue;
    const cell = Math.floor(at / width) * 2 + (kind === paused ? 0 : 1);
    tallies[cell] = (tallies[cell] ?? 0) + 1;
  }
  const total = { paused: 0, resumed: 0 };
  const series: PausesBucket[] = Array.from({ length: count }, (_, i) => {
    const bucket = { from: i * width, to: (i + 1) * width, paused: tallies[i * 2] ?? 0, resumed: tallies[i * 2 + 1] ?? 0 };
    total.paused += bucket.paused;
    total.resumed += bucket.resumed;
    return bucket;
  });
  const runs = sim.runs;
  let pausedNow = 0;
  for (let run = 0; run < runs.length; run++) if (runs.status(run) === PAUSED && (ofWorkflow === null || ofWorkflow[runs.workflow(run)] === 1)) pausedNow++;
  return { end, asOf: Math.min(end, timelineEnd(sim)), bucketMs: width, buckets: series, total, pausedNow };
}

/**
 * The runs of a Workflow (by id or name) paused at each of its steps now, read from the run table;
 * only the steps that hold a paused run, in the Workflow's node order.
 *
 * ```ts
 * pausedAtSteps(sim, 'follow-up') // { workflow: 'follow-up', steps: [{ step: 'wait', paused: 41 }] }
 * ```
 */
export function pausedAtSteps(sim: Simulation, workflowId: string): PausedAtSteps {
  const w = workflowIndex(sim, workflowId);
  const workflow = sim.workflows[w] as CompiledWorkflow;
  const onto = nodesOnto(sim, w);
  const paused = new Int32Array(workflow.nodes.length);
  const runs = sim.runs;
  for (let run = 0; run < runs.length; run++) {
    const node = onto[runs.workflow(run)]?.[runs.node(run)] ?? -1;
    if (node >= 0 && runs.status(run) === PAUSED) paused[node] = (paused[node] ?? 0) + 1;
  }
  const steps = workflow.nodes.flatMap((node, n) => ((paused[n] ?? 0) > 0 ? [{ step: node.id, paused: paused[n] ?? 0 }] : []));
  return { workflow: workflow.id, steps };
}

/**
 * A Workflow's funnel (by id or name): its nodes in path order — the trigger, then breadth-first
 * along its edges and Jump to targets — with how many runs reached each (read from the trace) and
 * how many are waiting or ended there (read from the run table).
 *
 * ```ts
 * stepFunnel(sim.runToEnd(), 'follow-up').steps.map((s) => [s.label, s.reached]) // [['Contact writes in', 1347], ['Acknowledge', 1347], …]
 * ```
 */
export function stepFunnel(sim: Simulation, workflowId: string): StepFunnel {
  const w = workflowIndex(sim, workflowId);
  const workflow = sim.workflows[w] as CompiledWorkflow;
  const onto = nodesOnto(sim, w);
  const nodeCount = workflow.nodes.length;
  const passes = new Int32Array(nodeCount);
  const reached = new Int32Array(nodeCount);
  // Which runs have been counted at which node: a loop passes a step many times, a run reaches it once.
  const seen = new Uint8Array(sim.runs.length * nodeCount);
  const trace = sim.trace;
  const [step, started] = [K.step, K['run.started']];
  for (let row = 0; row < trace.length; row++) {
    const kind = trace.kindAt(row);
    if (kind !== step && kind !== started) continue;
    const version = onto[trace.workflowAt(row)];
    if (version === null || version === undefined) continue;
    // A run starts at the trigger (node 0), which is never executed as a step.
    const node = kind === started ? 0 : (version[trace.nodeAt(row)] ?? -1);
    if (node < 0) continue;
    passes[node] = (passes[node] ?? 0) + 1;
    const cell = trace.runAt(row) * nodeCount + node;
    if (seen[cell] === 0) {
      seen[cell] = 1;
      reached[node] = (reached[node] ?? 0) + 1;
    }
  }
  const here = workflow.nodes.map(() => ({ waiting: 0, completed: 0, failed: 0, stopped: noStops() }));
  const runs = sim.runs;
  for (let run = 0; run < runs.length; run++) {
    const tally = here[onto[runs.workflow(run)]?.[runs.node(run)] ?? -1];
    if (!tally) continue;
    const status = runs.status(run);
    if (status === ACTIVE) tally.waiting++;
    else if (status === COMPLETED) tally.completed++;
    else if (status === FAILED) tally.failed++;
    else if (status === STOPPED) tally.stopped[REASONS[runs.reason(run)] as keyof StopCounts]++;
  }
  const steps = pathOrder(workflow).map((n): FunnelStep => {
    const node = workflow.nodes[n] as CompiledWorkflow['nodes'][number];
    return {
      step: node.id,
      label: node.label,
      type: node.step?.type ?? 'trigger',
      reached: reached[n] ?? 0,
      passes: passes[n] ?? 0,
      ...(here[n] as (typeof here)[number]),
    };
  });
  return { workflow: workflow.id, name: workflow.name, steps };
}

/** The node indexes breadth-first from the trigger along outputs and Jump to targets; any node not reached after, in document order. */
function pathOrder(workflow: CompiledWorkflow): number[] {
  const visited = new Uint8Array(workflow.nodes.length);
  const order = [0];
  visited[0] = 1;
  for (let i = 0; i < order.length; i++) {
    const node = workflow.nodes[order[i] as number] as CompiledWorkflow['nodes'][number];
    const next = [...node.outputs.values()];
    if (node.jumpTarget >= 0) next.push(node.jumpTarget);
    for (const n of next)
      if (visited[n] === 0) {
        visited[n] = 1;
        order.push(n);
      }
  }
  workflow.nodes.forEach((_, n) => {
    if (visited[n] === 0) order.push(n);
  });
  return order;
}

/** Per compiled Workflow: 1 when it is a version of the Workflow `slot` (the one given, or one a publish brought in), else 0. */
function versionsOf(sim: Simulation, slot: number): Uint8Array {
  return Uint8Array.from(sim.workflows, (version) => (version.slot === slot ? 1 : 0));
}

/**
 * Per compiled Workflow: for a version of the Workflow `slot`, each of its node indexes mapped to
 * the node of the same step id in the version the charts draw (the one given, as the canvas shows
 * it; -1 for a step that version does not have); null for other Workflows. Runs moved to a newer
 * version, or started on it, so count at the step they are at.
 */
function nodesOnto(sim: Simulation, slot: number): (Int32Array | null)[] {
  const shown = sim.workflows[slot] as CompiledWorkflow;
  return sim.workflows.map((version, w) =>
    version.slot !== slot ? null : w === slot ? Int32Array.from(version.nodes, (_, n) => n) : Int32Array.from(version.nodes, (node) => shown.nodeIndex.get(node.id) ?? -1),
  );
}

function workflowIndex(sim: Simulation, ref: string): number {
  const index = sim.resolveWorkflow(ref);
  if (index < 0) throw new RangeError(`No Workflow "${ref}" in this simulation`);
  return index;
}
