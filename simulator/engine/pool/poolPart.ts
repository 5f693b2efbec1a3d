import { EXTERNAL, orderKey, TIMER } from '../eventQueue.ts';
import { Simulation, type SimulationInput } from '../simulation.ts';
import { StepLog } from './stepLog.ts';

/** Int32 fields of a row in `PoolPart.rowInts`, in this order. */
export const ROW_INTS = 9;
export const ROW_KIND = 0;
export const ROW_CODE = 1;
export const ROW_USER = 2;
export const ROW_CONTACT = 3;
export const ROW_RUN = 4;
export const ROW_WORKFLOW = 5;
export const ROW_NODE = 6;
/** The raw `a` and `b` slots: interned strings, a run id, a due time's two halves (see TraceLog.append). */
export const ROW_A = 7;
export const ROW_B = 8;

/** Float64 fields of a run in `PoolPart.runs`, in this order. */
export const RUN_FIELDS = 14;
export const RUN_WORKFLOW = 0;
export const RUN_CONTACT = 1;
export const RUN_STARTED_AT = 2;
export const RUN_TRIGGER_EVENT = 3;
export const RUN_CHAIN_DEPTH = 4;
export const RUN_NODE = 5;
export const RUN_TIMER_TOKEN = 6;
export const RUN_STOPPED_BY = 7;
export const RUN_ENDED_AT = 8;
export const RUN_DUE = 9;
export const RUN_STATUS = 10;
export const RUN_WAITING = 11;
export const RUN_REASON = 12;
export const RUN_WHEN_STOPPED_RAN = 13;

/** Float64 fields of a pause in `PoolPart.pauses`: run, pausedAt, remaining, resumeAt, quietSince. */
export const PAUSE_FIELDS = 5;

/**
 * What one worker of a pool played, as plain typed arrays (sent between threads without copying):
 * its trace rows with its own string ids and run ids, its runs' final state, and per entry it
 * processed (a step) where that entry stands in the order of the whole simulation.
 */
export interface PoolPart {
  /** The worker's interned strings: row `a`/`b` string ids index these. */
  readonly strings: readonly string[];
  readonly stepCount: number;
  readonly stepTime: Float64Array;
  readonly stepClass: Uint8Array;
  /** The local step during which the entry was queued; -1 for an entry queued at construction. */
  readonly stepParent: Int32Array;
  /**
   * Breaks ties after (time, class, parent): for an entry queued at construction, its place among
   * every contact's (a population's contact, a plain script's event index: the same in every
   * worker); otherwise its local push sequence (siblings queued by one step are all one worker's).
   */
  readonly stepTie: Float64Array;
  readonly stepFirstRow: Float64Array;
  readonly rowCount: number;
  readonly rowTime: Float64Array;
  readonly rowInts: Int32Array;
  readonly runCount: number;
  readonly runs: Float64Array;
  readonly pauses: Float64Array;
  /** The clock at the end: the time of the last entry taken (a skipped timer's too). */
  readonly now: number;
  readonly eventsProcessed: number;
  /** The worker hit the trace cap: its part is cut short and cannot be merged. */
  readonly stoppedShort: boolean;
}

const TIMER_ORDER = orderKey(TIMER, 0);

/** Plays the contacts `plays` marks, recording where each step stands (see Simulation.recordSteps), to the end. */
export function playPart(input: SimulationInput, plays: Uint8Array): PoolPart {
  const sim = new Simulation({ ...input, plays });
  const log = new StepLog();
  const initialPushes = sim.recordSteps(log);
  sim.runToEnd();
  return partOf(sim, log, initialPushes);
}

/** The part a simulation played, read out of its tables. */
export function partOf(sim: Simulation, log: StepLog, initialPushes: number): PoolPart {
  const stepCount = log.count;
  const stepClass = new Uint8Array(stepCount);
  const stepParent = new Int32Array(stepCount);
  const stepTie = new Float64Array(stepCount);
  const population = sim.feed.isPopulation;
  for (let k = 0; k < stepCount; k++) {
    const order = log.order[k] as number;
    const queueClass = order >= TIMER_ORDER ? TIMER : EXTERNAL;
    const sequence = order - orderKey(queueClass, 0);
    stepClass[k] = queueClass;
    if (sequence < initialPushes) {
      stepParent[k] = -1;
      // A population queues one first event per contact, in contact order; a plain script its events in time order, ties by index.
      stepTie[k] = population ? (log.a[k] as number) : (log.b[k] as number);
    } else {
      stepParent[k] = pusher(log.firstPush, k, sequence);
      stepTie[k] = sequence;
    }
  }
  const trace = sim.trace;
  const rowCount = trace.length;
  const rowTime = new Float64Array(rowCount);
  const rowInts = new Int32Array(rowCount * ROW_INTS);
  for (let i = 0; i < rowCount; i++) {
    rowTime[i] = trace.tAt(i);
    const at = i * ROW_INTS;
    rowInts[at + ROW_KIND] = trace.kindAt(i);
    rowInts[at + ROW_CODE] = trace.codeAt(i);
    rowInts[at + ROW_USER] = trace.userAt(i);
    rowInts[at + ROW_CONTACT] = trace.contactAt(i);
    rowInts[at + ROW_RUN] = trace.runAt(i);
    rowInts[at + ROW_WORKFLOW] = trace.workflowAt(i);
    rowInts[at + ROW_NODE] = trace.nodeAt(i);
    rowInts[at + ROW_A] = trace.aAt(i);
    rowInts[at + ROW_B] = trace.bAt(i);
  }
  const table = sim.runs;
  const runCount = table.length;
  const runs = new Float64Array(runCount * RUN_FIELDS);
  for (let run = 0; run < runCount; run++) {
    const at = run * RUN_FIELDS;
    runs[at + RUN_WORKFLOW] = table.workflow(run);
    runs[at + RUN_CONTACT] = table.contact(run);
    runs[at + RUN_STARTED_AT] = table.startedAt(run);
    runs[at + RUN_TRIGGER_EVENT] = table.triggerEvent(run);
    runs[at + RUN_CHAIN_DEPTH] = table.chainDepth(run);
    runs[at + RUN_NODE] = table.node(run);
    runs[at + RUN_TIMER_TOKEN] = table.timerToken(run);
    runs[at + RUN_STOPPED_BY] = table.stoppedBy(run);
    runs[at + RUN_ENDED_AT] = table.endedAt(run);
    runs[at + RUN_DUE] = table.due(run);
    runs[at + RUN_STATUS] = table.status(run);
    runs[at + RUN_WAITING] = table.waiting(run);
    runs[at + RUN_REASON] = table.reason(run);
    runs[at + RUN_WHEN_STOPPED_RAN] = table.whenStoppedRan(run) ? 1 : 0;
  }
  const paused = sim.pausedRuns();
  const pauses = new Float64Array(paused.size * PAUSE_FIELDS);
  let p = 0;
  for (const [run, pause] of paused) {
    pauses.set([run, pause.pausedAt, pause.remaining, pause.resumeAt, pause.quietSince], p);
    p += PAUSE_FIELDS;
  }
  return {
    strings: trace.strings.slice(),
    stepCount,
    stepTime: log.time.slice(0, stepCount),
    stepClass,
    stepParent,
    stepTie,
    stepFirstRow: log.firstRow.slice(0, stepCount),
    rowCount,
    rowTime,
    rowInts,
    runCount,
    runs,
    pauses,
    now: sim.now,
    eventsProcessed: sim.eventsProcessed,
    stoppedShort: sim.stoppedShort !== null,
  };
}

/** The step during which push `sequence` happened: the last step before `k` whose pushes started at or before it. */
function pusher(firstPush: Float64Array, k: number, sequence: number): number {
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((firstPush[mid] as number) <= sequence) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The buffers of a part, to hand over to another thread without copying. */
export function partBuffers(part: PoolPart): ArrayBuffer[] {
  return [part.stepTime, part.stepClass, part.stepParent, part.stepTie, part.stepFirstRow, part.rowTime, part.rowInts, part.runs, part.pauses].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
