import type { RunState } from '../../../../simulator/schema/run.ts';
import type { ResumeRule, StopReason } from '../../../../simulator/schema/settings.ts';
import type { TraceEntry } from '../../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { describeReason } from '../../../../simulator/trace/describeEntry.ts';
import type { SessionVersions } from './sessionVersions.ts';

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
  /** The version of its Workflow the run follows, once a publish in the session made versions of it (the engine's number; 1: the one the session started with). */
  readonly version?: number;
}

/** A run of the contact's that a publish stopped — its Workflow was updated, or its step removed — with the engine's words for why. */
export interface RunEndedByPublish {
  readonly run: number;
  readonly workflowName: string;
  readonly stepLabel: string;
  readonly version: number;
  readonly reason: 'workflow_updated' | 'step_removed';
  readonly because: string;
}

const byId = (workflows: readonly Workflow[]): SessionVersions => ({
  workflowOf: (run) => workflows.find((candidate) => candidate.id === run.workflow),
  hasVersions: () => false,
});

/** The contact's runs still going (a paused run keeps its place), as the engine reported them, with the names people read. */
export function ongoingRuns(
  contact: string,
  runs: readonly RunState[],
  trace: readonly TraceEntry[],
  workflows: readonly Workflow[],
  versions: SessionVersions = byId(workflows),
): OngoingRun[] {
  const reachedStep = new Map<number, number>();
  for (const entry of trace) if (entry.kind === 'step' && entry.run !== undefined && entry.contact === contact) reachedStep.set(entry.run, entry.t);
  return runs
    .filter((run) => run.contact === contact && isOngoing(run))
    .map((run) => {
      const workflow = versions.workflowOf(run) ?? workflows.find((candidate) => candidate.id === run.workflow);
      const step = workflow?.steps.find((candidate) => candidate.id === run.atStep);
      const ongoing: OngoingRun = {
        ...(versions.hasVersions(run.workflow) ? { version: run.version ?? 1 } : {}),
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

/** The contact's runs a publish stopped, as the engine reported them, with its words for the reason. */
export function runsEndedByPublish(contact: string, runs: readonly RunState[], versions: SessionVersions): RunEndedByPublish[] {
  return runs.flatMap((run): RunEndedByPublish[] => {
    if (run.contact !== contact || run.status !== 'stopped' || (run.reason !== 'workflow_updated' && run.reason !== 'step_removed')) return [];
    const workflow = versions.workflowOf(run);
    const label = workflow?.steps.find((candidate) => candidate.id === run.atStep)?.label;
    return [{ run: run.run, workflowName: workflow?.name ?? run.workflow, stepLabel: label || run.atStep || '', version: run.version ?? 1, reason: run.reason, because: describeReason(run.reason) }];
  });
}

/** Active or paused: the contact's current run of its Workflow, which new triggers leave alone. */
export function isOngoing(run: RunState): boolean {
  return run.status === 'active' || run.status === 'paused';
}
