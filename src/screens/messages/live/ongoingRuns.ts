import type { RunState } from '../../../../simulator/schema/run.ts';
import type { ResumeRule, StopReason } from '../../../../simulator/schema/settings.ts';
import type { TraceEntry } from '../../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** A paused run's hand-back, as the engine reported it and its Workflow's settings say it. */
export interface RunPause {
  /** The exit condition that paused it. */
  readonly reason: StopReason | undefined;
  /** Since when it is paused (virtual ms since start). */
  readonly pausedAt: number;
  /** How the Workflow says a paused run resumes; undefined when its settings no longer say. */
  readonly resume: ResumeRule | undefined;
  /** When it resumes if the team stays quiet; undefined: it resumes when the conversation is closed. */
  readonly resumesAt: number | undefined;
  /** What its frozen timer had left when it paused; undefined when it had none. */
  readonly remaining: number | undefined;
}

/** A run the contact has going — active, or paused by an exit condition — as the Ongoing Workflows tab lists it. */
export interface OngoingRun {
  readonly run: number;
  readonly workflowId: string;
  readonly workflowName: string;
  readonly stepLabel: string;
  /** When the run reached its current step (virtual ms since start). */
  readonly since: number;
  readonly waitingFor: RunState['waitingFor'];
  readonly due: number | undefined;
  /** Whether the Workflow lets users stop it for one contact (the engine checks again). */
  readonly manualStop: boolean;
  /** Present while the engine reports the run paused. */
  readonly pause?: RunPause;
}

/** The contact's runs still going (a paused run keeps its place), as the engine reported them, with the names people read. */
export function ongoingRuns(contact: string, runs: readonly RunState[], trace: readonly TraceEntry[], workflows: readonly Workflow[]): OngoingRun[] {
  const reachedStep = new Map<number, number>();
  for (const entry of trace) if (entry.kind === 'step' && entry.run !== undefined && entry.contact === contact) reachedStep.set(entry.run, entry.t);
  return runs
    .filter((run) => run.contact === contact && isOngoing(run))
    .map((run) => {
      const workflow = workflows.find((candidate) => candidate.id === run.workflow);
      const step = workflow?.steps.find((candidate) => candidate.id === run.atStep);
      const ongoing: OngoingRun = {
        run: run.run,
        workflowId: run.workflow,
        workflowName: workflow?.name ?? run.workflow,
        stepLabel: step?.label || run.atStep || 'Starting',
        since: reachedStep.get(run.run) ?? run.startedAt,
        waitingFor: run.waitingFor,
        due: run.due,
        manualStop: workflow?.settings.manualStop ?? false,
      };
      if (run.status !== 'paused') return ongoing;
      const pause: RunPause = {
        reason: run.reason !== undefined && run.reason !== 'loop' ? run.reason : undefined,
        pausedAt: run.pausedAt ?? ongoing.since,
        resume: workflow?.settings.pause?.resume,
        resumesAt: run.resumesAt,
        remaining: run.remaining,
      };
      return { ...ongoing, pause };
    });
}

/** Active or paused: the contact's current run of its Workflow, which new triggers leave alone. */
export function isOngoing(run: RunState): boolean {
  return run.status === 'active' || run.status === 'paused';
}
