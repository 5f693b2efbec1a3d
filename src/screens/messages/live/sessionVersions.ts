import type { PublishedVersion } from '../../../../simulator/schema/live.ts';
import type { RunState } from '../../../../simulator/schema/run.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** What the live session knows of its versions: the Workflows it started on, the versions given to it by file, and those the engine reported live. */
export interface SessionVersionsInput {
  readonly startWorkflows: readonly Workflow[];
  readonly versions: Readonly<Record<string, Workflow>>;
  readonly published: readonly PublishedVersion[];
}

/** How the Messages view reads a run's version: its document, and whether its Workflow has had a publish in this session. */
export interface SessionVersions {
  /** The document of the version the engine says the run follows (no version: the one the session started with). */
  workflowOf(run: Pick<RunState, 'workflow' | 'version'>): Workflow | undefined;
  /** Whether a publish made a new version of this Workflow live in the session: its runs then say which version they are on. */
  hasVersions(workflowId: string): boolean;
}

export function sessionVersions({ startWorkflows, versions, published }: SessionVersionsInput): SessionVersions {
  return {
    workflowOf(run) {
      if (run.version === undefined) return startWorkflows.find((workflow) => workflow.id === run.workflow);
      const file = published.find((version) => version.workflow === run.workflow && version.version === run.version)?.file;
      return file !== undefined && Object.hasOwn(versions, file) ? versions[file] : undefined;
    },
    hasVersions: (workflowId) => published.some((version) => version.workflow === workflowId),
  };
}
