export const ACTIVE = 0;
export const COMPLETED = 1;
export const STOPPED = 2;
export const FAILED = 3;
/** Kept in its place by an exit condition set to pause: still the contact's active run. */
export const PAUSED = 4;
export const RUN_STATUSES = ['active', 'completed', 'stopped', 'failed', 'paused'] as const;

export const NOT_WAITING = 0;
export const WAITING_TIMER = 1;
export const WAITING_REPLY = 2;

/** Bytes per run: one cache line. */
const ROW = 64;
const F = ROW / 8;
const I = ROW / 4;
// Float64 slots of a row.
const STARTED_AT = 0;
const ENDED_AT = 1;
const DUE = 2;
const INSTANT = 3;
// Int32 slots of a row (after the four floats).
const WORKFLOW = 8;
const CONTACT = 9;
const NODE = 10;
const TIMER_TOKEN = 11;
const TRIGGER_EVENT = 12;
const INSTANT_STEPS = 13;
const STOPPED_BY = 14;
/** status: bits 0–2 · waiting: bits 3–4 · reason + 1: bits 5–12 · chain depth: bits 13–20 · When stopped path taken: bit 21. */
const FLAGS = 15;

/**
 * Every run of the simulation, one 64-byte row each in one buffer: a run's fields share a cache
 * line (runs are visited in time order, so at random), and 100,000 runs are 6 MB the garbage
 * collector never walks. A run is its row number (its id).
 */
export class RunTable {
  length = 0;
  private f64: Float64Array;
  private i32: Int32Array;

  /** `capacity`: how many runs to make room for at first (a population starts one per contact). */
  constructor(capacity = 256) {
    this.f64 = new Float64Array(Math.max(16, capacity) * F);
    this.i32 = new Int32Array(this.f64.buffer);
  }

  /** Adds an active run at the trigger node and returns its id. */
  add(workflow: number, contact: number, startedAt: number, triggerEvent: number, chainDepth: number): number {
    const run = this.length++;
    if (run * F >= this.f64.length) this.grow();
    const f = run * F;
    const i = run * I;
    this.f64[f + STARTED_AT] = startedAt;
    this.f64[f + ENDED_AT] = -1;
    this.f64[f + DUE] = -1;
    this.f64[f + INSTANT] = -1;
    this.i32[i + WORKFLOW] = workflow;
    this.i32[i + CONTACT] = contact;
    this.i32[i + NODE] = 0;
    this.i32[i + TIMER_TOKEN] = -1;
    this.i32[i + TRIGGER_EVENT] = triggerEvent;
    this.i32[i + INSTANT_STEPS] = 0;
    this.i32[i + STOPPED_BY] = -1;
    this.i32[i + FLAGS] = (chainDepth & 0xff) << 13;
    return run;
  }

  /** The compiled Workflow (version) the run follows. */
  workflow(run: number): number {
    return this.i32[run * I + WORKFLOW] as number;
  }
  /** Moves the run to another version of its Workflow (a publish that moves runs in flight). */
  setWorkflow(run: number, workflow: number): void {
    this.i32[run * I + WORKFLOW] = workflow;
  }
  contact(run: number): number {
    return this.i32[run * I + CONTACT] as number;
  }
  /** The node the run is at, or ended at. */
  node(run: number): number {
    return this.i32[run * I + NODE] as number;
  }
  setNode(run: number, node: number): void {
    this.i32[run * I + NODE] = node;
  }
  /** The token of the pending timer (wait or question timeout); -1 when none. */
  timerToken(run: number): number {
    return this.i32[run * I + TIMER_TOKEN] as number;
  }
  setTimerToken(run: number, token: number): void {
    this.i32[run * I + TIMER_TOKEN] = token;
  }
  /** The number of the external event that started it; -1 when another Workflow did. */
  triggerEvent(run: number): number {
    return this.i32[run * I + TRIGGER_EVENT] as number;
  }
  /** Index of the user who stopped it by hand, or -1. */
  stoppedBy(run: number): number {
    return this.i32[run * I + STOPPED_BY] as number;
  }
  setStoppedBy(run: number, user: number): void {
    this.i32[run * I + STOPPED_BY] = user;
  }
  startedAt(run: number): number {
    return this.f64[run * F + STARTED_AT] as number;
  }
  endedAt(run: number): number {
    return this.f64[run * F + ENDED_AT] as number;
  }
  setEndedAt(run: number, time: number): void {
    this.f64[run * F + ENDED_AT] = time;
  }
  /** When the pending timer is due. */
  due(run: number): number {
    return this.f64[run * F + DUE] as number;
  }
  setDue(run: number, time: number): void {
    this.f64[run * F + DUE] = time;
  }

  /**
   * Counts a step executed at virtual time `now` and returns how many steps the run has executed
   * at that instant (the runaway-loop guard).
   */
  countStep(run: number, now: number): number {
    const f = run * F + INSTANT;
    const i = run * I + INSTANT_STEPS;
    if (this.f64[f] !== now) {
      this.f64[f] = now;
      this.i32[i] = 0;
    }
    return ++(this.i32[i] as number);
  }

  status(run: number): number {
    return (this.i32[run * I + FLAGS] as number) & 0x7;
  }
  setStatus(run: number, status: number): void {
    const i = run * I + FLAGS;
    this.i32[i] = ((this.i32[i] as number) & ~0x7) | status;
  }
  /** Active or paused: the contact's current run of its Workflow (a paused run keeps its place). */
  isOngoing(run: number): boolean {
    const status = (this.i32[run * I + FLAGS] as number) & 0x7;
    return status === ACTIVE || status === PAUSED;
  }
  waiting(run: number): number {
    return ((this.i32[run * I + FLAGS] as number) >> 3) & 0x3;
  }
  setWaiting(run: number, waiting: number): void {
    const i = run * I + FLAGS;
    this.i32[i] = ((this.i32[i] as number) & ~0x18) | (waiting << 3);
  }
  /** Stop reason code (index into `stopReasonSchema`; while paused, the pausing condition's) or fail reason code; -1 while none. */
  reason(run: number): number {
    return (((this.i32[run * I + FLAGS] as number) >> 5) & 0xff) - 1;
  }
  setReason(run: number, reason: number): void {
    const i = run * I + FLAGS;
    this.i32[i] = ((this.i32[i] as number) & ~0x1fe0) | ((reason + 1) << 5);
  }
  /** How many "Trigger another Workflow" hops led here. */
  chainDepth(run: number): number {
    return ((this.i32[run * I + FLAGS] as number) >> 13) & 0xff;
  }

  /** Whether the run's When stopped path has run (at most once per run). */
  whenStoppedRan(run: number): boolean {
    return (((this.i32[run * I + FLAGS] as number) >> 21) & 1) === 1;
  }
  markWhenStoppedRan(run: number): void {
    this.i32[run * I + FLAGS] = (this.i32[run * I + FLAGS] as number) | (1 << 21);
  }

  /**
   * The table's rows as they are stored, 16 Int32 slots a run (see `appendRow`): no copy, so the
   * table must not change afterwards. Int32, not Float64: a copy through Float64 values could
   * change the bits of Int32 pairs that read as a NaN.
   */
  rows(): Int32Array {
    return new Int32Array(this.i32.buffer, 0, this.length * I);
  }

  /** Adds a run copied whole, in the state it is in, from another table's `rows()` (a pool's part); returns its id here. */
  appendRow(rows: Int32Array, run: number): number {
    const id = this.length++;
    if (id * F >= this.f64.length) this.grow();
    const i32 = this.i32;
    const to = id * I;
    const from = run * I;
    for (let k = 0; k < I; k++) i32[to + k] = rows[from + k] as number;
    return id;
  }

  /** Bytes held by the table. */
  byteSize(): number {
    return this.f64.byteLength;
  }

  /** Half again as many rows: a population's contacts run about twice each, and doubling left half the table unused. */
  private grow(): void {
    const f64 = new Float64Array(Math.ceil(this.f64.length / F / 2) * 3 * F);
    f64.set(this.f64);
    this.f64 = f64;
    this.i32 = new Int32Array(f64.buffer);
  }
}
