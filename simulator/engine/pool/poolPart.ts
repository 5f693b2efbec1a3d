import { EXTERNAL, orderKey, TIMER } from '../eventQueue.ts';
import { Simulation, type SimulationInput } from '../simulation.ts';
import type { TraceRows } from '../traceLog.ts';
import { StepLog } from './stepLog.ts';

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
  /** Its trace's rows as stored, with the part's string and run ids. */
  readonly rows: TraceRows;
  readonly runCount: number;
  /** Its run table's rows as stored (see `RunTable.rows`): each run's final state. */
  readonly runs: Int32Array;
  readonly pauses: Float64Array;
  /** The clock at the end: the time of the last entry taken (a skipped timer's too). */
  readonly now: number;
  readonly eventsProcessed: number;
  /** The worker hit the trace cap: its part is cut short and cannot be merged. */
  readonly stoppedShort: boolean;
}

const TIMER_ORDER = orderKey(TIMER, 0);

/** Entries played between two calls of `playPart`'s `beat`. */
const STEPS_PER_BEAT = 65_536;

/**
 * Plays the contacts `plays` marks, recording where each step stands (see Simulation.recordSteps),
 * to the end; `beat` is called every STEPS_PER_BEAT entries, so whoever waits can tell a thread
 * still playing from one that died.
 */
export function playPart(input: SimulationInput, plays: Uint8Array, beat: () => void = () => undefined): PoolPart {
  const sim = new Simulation({ ...input, plays });
  const log = new StepLog();
  const initialPushes = sim.recordSteps(log);
  let steps = 0;
  while (sim.step()) if (++steps % STEPS_PER_BEAT === 0) beat();
  // Nothing is left to play: this lets go of the queue's storage.
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
    rows: trace.rows(),
    runCount: sim.runs.length,
    runs: sim.runs.rows(),
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
  const arrays = [part.stepTime, part.stepClass, part.stepParent, part.stepTie, part.stepFirstRow, part.rows.bases, ...part.rows.chunks, ...part.rows.starts, ...part.rows.stretchesBefore, ...part.rows.stretches, ...part.rows.pairs, part.rows.runContacts, part.runs, part.pauses];
  // Each buffer once: a list naming one twice cannot be transferred.
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}
