export const ACTIVE = 0;
export const COMPLETED = 1;
export const STOPPED = 2;
export const FAILED = 3;
export const RUN_STATUSES = ['active', 'completed', 'stopped', 'failed'] as const;

export const NOT_WAITING = 0;
export const WAITING_TIMER = 1;
export const WAITING_REPLY = 2;

/** One run of one Workflow for one contact, as the interpreter keeps it (mutable, compact). */
export class Run {
  status = ACTIVE;
  /** Stop reason code (index into `stopReasonSchema`) or fail reason code; -1 while none. */
  reason = -1;
  stoppedBy = -1;
  /** The node the run is at (or ended at). */
  node = 0;
  endedAt = -1;
  waiting = NOT_WAITING;
  /** The token of the run's pending timer (wait or question timeout); -1 when none. */
  timerToken = -1;
  due = -1;
  /** Steps executed at virtual instant `instant`, for the runaway-loop guard. */
  instant = -1;
  instantSteps = 0;

  constructor(
    readonly id: number,
    readonly workflow: number,
    readonly contact: number,
    readonly startedAt: number,
    /** The number of the external event that started it, -1 when another Workflow did. */
    readonly triggerEvent: number,
    /** How many "Trigger another Workflow" hops led here. */
    readonly chainDepth: number,
  ) {}
}
