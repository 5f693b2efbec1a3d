import { cancelledSteps } from '../engine/cancelledSteps.ts';
import type { RunState } from '../schema/run.ts';
import type { TraceEntry } from '../schema/trace.ts';
import type { Workflow } from '../schema/workflow.ts';

/** What one run did at one step, for the canvas. */
export type NodeRunState =
  | { readonly kind: 'passed'; readonly at: number }
  | { readonly kind: 'active'; readonly since: number; readonly waitingFor?: RunState['waitingFor']; readonly due?: number }
  | { readonly kind: 'stopped'; readonly at: number; readonly reason: NonNullable<RunState['reason']>; readonly by?: string }
  /**
   * Held here by an exit condition set to pause (`reason`), since `since`: its timer, if it had
   * one, frozen with `remaining` left; it resumes at `resumesAt` if the team stays quiet, or, with
   * no `resumesAt`, when the conversation is closed. Nothing after it is cancelled: it will go on.
   */
  | {
      readonly kind: 'paused';
      readonly since: number;
      readonly reason: NonNullable<RunState['reason']>;
      readonly waitingFor?: RunState['waitingFor'];
      readonly remaining?: number;
      readonly resumesAt?: number;
    }
  | { readonly kind: 'completed'; readonly at: number }
  | { readonly kind: 'failed'; readonly at: number }
  /** Will never run: the run stopped before reaching it. */
  | { readonly kind: 'cancelled' };

export interface RunOnCanvas {
  /** Per step id (the trigger's too). */
  readonly steps: ReadonlyMap<string, NodeRunState>;
  /** The edges the run took, as `source→target` step ids, in order. */
  readonly path: readonly (readonly [string, string])[];
}

/**
 * Where one contact's latest run of a Workflow is, drawn on the Workflow's steps: the path it took,
 * the step it is at (or stopped or paused at, with the reason and when), and the steps it will
 * never reach because it stopped. Read from the engine's report (run state and trace), decided by nothing else.
 */
export function runOnCanvas(workflow: Workflow, runs: readonly RunState[], trace: readonly TraceEntry[]): RunOnCanvas | null {
  const run = runs.filter((candidate) => candidate.workflow === workflow.id).at(-1);
  if (!run) return null;
  const steps = new Map<string, NodeRunState>();
  const executed: string[] = [];
  const path: [string, string][] = [];
  // The route starts at the trigger, and again at the When stopped entry when the run takes that path.
  let previous = workflow.trigger.id;
  for (const entry of trace) {
    if (entry.run !== run.run || entry.step === undefined) continue;
    if (entry.kind === 'when_stopped.started') {
      previous = entry.step;
      steps.set(entry.step, { kind: 'passed', at: entry.t });
    } else if (entry.kind === 'step') {
      executed.push(entry.step);
      steps.set(entry.step, { kind: 'passed', at: entry.t });
      path.push([previous, entry.step]);
      previous = entry.step;
    }
  }
  steps.set(workflow.trigger.id, { kind: 'passed', at: run.startedAt });
  const at = run.atStep;
  if (at !== undefined) {
    const since = steps.get(at);
    const reached = since && since.kind === 'passed' ? since.at : run.startedAt;
    if (run.status === 'active')
      steps.set(at, { kind: 'active', since: reached, ...(run.waitingFor ? { waitingFor: run.waitingFor } : {}), ...(run.due === undefined ? {} : { due: run.due }) });
    else if (run.status === 'stopped' && run.reason !== undefined) {
      steps.set(at, { kind: 'stopped', at: run.endedAt ?? reached, reason: run.reason, ...(run.stoppedBy ? { by: run.stoppedBy } : {}) });
      for (const id of cancelledSteps(workflow, at, new Set(executed))) steps.set(id, { kind: 'cancelled' });
    } else if (run.status === 'paused' && run.reason !== undefined) steps.set(at, pausedAt(run, run.reason, reached));
    else if (run.status === 'completed') steps.set(at, { kind: 'completed', at: run.endedAt ?? reached });
    else if (run.status === 'failed') steps.set(at, { kind: 'failed', at: run.endedAt ?? reached });
  }
  return { steps, path };
}

/** A paused run at its step, with what the engine reported of its pause (absent parts stay absent). */
function pausedAt(run: RunState, reason: NonNullable<RunState['reason']>, reached: number): NodeRunState {
  return {
    kind: 'paused',
    since: run.pausedAt ?? reached,
    reason,
    ...(run.waitingFor ? { waitingFor: run.waitingFor } : {}),
    ...(run.remaining === undefined ? {} : { remaining: run.remaining }),
    ...(run.resumesAt === undefined ? {} : { resumesAt: run.resumesAt }),
  };
}
