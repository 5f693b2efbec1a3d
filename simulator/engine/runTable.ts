import { resized } from './columns.ts';

export const ACTIVE = 0;
export const COMPLETED = 1;
export const STOPPED = 2;
export const FAILED = 3;
export const RUN_STATUSES = ['active', 'completed', 'stopped', 'failed'] as const;

export const NOT_WAITING = 0;
export const WAITING_TIMER = 1;
export const WAITING_REPLY = 2;

/**
 * Every run of the simulation, one row each, in columns of typed arrays: 100,000 runs are a few
 * megabytes the garbage collector never has to walk. A run is its row number (its id).
 */
export class RunTable {
  length = 0;
  workflow = new Int16Array(256);
  contact = new Int32Array(256);
  status = new Uint8Array(256);
  /** Stop reason code (index into `stopReasonSchema`) or fail reason code; -1 while none. */
  reason = new Int8Array(256);
  /** Index of the user who stopped it by hand, or -1. */
  stoppedBy = new Int16Array(256);
  /** The node the run is at, or ended at. */
  node = new Int16Array(256);
  waiting = new Uint8Array(256);
  /** How many "Trigger another Workflow" hops led here. */
  chainDepth = new Uint8Array(256);
  startedAt = new Float64Array(256);
  endedAt = new Float64Array(256);
  /** When the pending timer is due. */
  due = new Float64Array(256);
  /** The virtual instant of the latest step, and how many steps ran at it (runaway-loop guard). */
  instant = new Float64Array(256);
  instantSteps = new Int32Array(256);
  /** The token of the pending timer (wait or question timeout); -1 when none. */
  timerToken = new Int32Array(256);
  /** The number of the external event that started it; -1 when another Workflow did. */
  triggerEvent = new Int32Array(256);

  /** Adds an active run at the trigger node and returns its id. */
  add(workflow: number, contact: number, startedAt: number, triggerEvent: number, chainDepth: number): number {
    const id = this.length++;
    if (id === this.status.length) this.grow(id * 2);
    this.workflow[id] = workflow;
    this.contact[id] = contact;
    this.status[id] = ACTIVE;
    this.reason[id] = -1;
    this.stoppedBy[id] = -1;
    this.node[id] = 0;
    this.waiting[id] = NOT_WAITING;
    this.chainDepth[id] = chainDepth;
    this.startedAt[id] = startedAt;
    this.endedAt[id] = -1;
    this.due[id] = -1;
    this.instant[id] = -1;
    this.instantSteps[id] = 0;
    this.timerToken[id] = -1;
    this.triggerEvent[id] = triggerEvent;
    return id;
  }

  /** Bytes held by the columns. */
  byteSize(): number {
    return this.status.length * 47;
  }

  private grow(capacity: number): void {
    this.workflow = resized(this.workflow, capacity);
    this.contact = resized(this.contact, capacity);
    this.status = resized(this.status, capacity);
    this.reason = resized(this.reason, capacity);
    this.stoppedBy = resized(this.stoppedBy, capacity);
    this.node = resized(this.node, capacity);
    this.waiting = resized(this.waiting, capacity);
    this.chainDepth = resized(this.chainDepth, capacity);
    this.startedAt = resized(this.startedAt, capacity);
    this.endedAt = resized(this.endedAt, capacity);
    this.due = resized(this.due, capacity);
    this.instant = resized(this.instant, capacity);
    this.instantSteps = resized(this.instantSteps, capacity);
    this.timerToken = resized(this.timerToken, capacity);
    this.triggerEvent = resized(this.triggerEvent, capacity);
  }
}
