import type { RunState } from '../../../../simulator/schema/run.ts';
import type { TraceEntry } from '../../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** An active run as the Ongoing Workflows tab lists it. */
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
}

/** The contact's active runs, as the engine reported them, with the names people read. */
export function ongoingRuns(contact: string, runs: readonly RunState[], trace: readonly TraceEntry[], workflows: readonly Workflow[]): OngoingRun[] {
  const reachedStep = new Map<number, number>();
  for (const entry of trace) if (entry.kind === 'step' && entry.run !== undefined && entry.contact === contact) reachedStep.set(entry.run, entry.t);
  return runs
    .filter((run) => run.contact === contact && run.status === 'active')
    .map((run) => {
      const workflow = workflows.find((candidate) => candidate.id === run.workflow);
      const step = workflow?.steps.find((candidate) => candidate.id === run.atStep);
      return {
        run: run.run,
        workflowId: run.workflow,
        workflowName: workflow?.name ?? run.workflow,
        stepLabel: step?.label || run.atStep || 'Starting',
        since: reachedStep.get(run.run) ?? run.startedAt,
        waitingFor: run.waitingFor,
        due: run.due,
        manualStop: workflow?.settings.manualStop ?? false,
      };
    });
}
