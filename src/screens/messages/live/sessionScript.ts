import type { RunState } from '../../../../simulator/schema/run.ts';
import type { Expectation, Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { isOngoing } from './ongoingRuns.ts';

/**
 * The recorded session as a script file that checks itself: every run that has ended becomes an
 * expectation (status, reason, step) on the contact's latest run of each Workflow, so replaying the file — in the simulator or with
 * `npm run simulate` — says whether the Workflows still behave as they did in the session. Active
 * and paused runs are left out: a replay runs on to the end, where they will have moved on (a
 * paused run resumes once its team has been quiet long enough).
 */
export function sessionScript(script: Script, runs: readonly RunState[], workflows: readonly Workflow[]): Script {
  const byId = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  // A script's expectation is checked on the contact's latest run of the Workflow: expect that one only.
  const latest = new Map<string, RunState>();
  for (const run of runs) latest.set(JSON.stringify([run.contact, run.workflow]), run);
  const expect: Expectation[] = [...latest.values()]
    .filter((run) => !isOngoing(run))
    .map((run) => {
      const workflow = byId.get(run.workflow);
      const expectation: Expectation = { contact: run.contact, workflow: workflow ? workflowRef(workflow, workflows) : run.workflow, status: run.status };
      if (run.reason !== undefined && run.reason !== 'loop') expectation.reason = run.reason;
      if (run.atStep !== undefined) expectation.atStep = run.atStep;
      return expectation;
    });
  return { ...script, expect: [...script.expect, ...expect] };
}

/** How a script names a Workflow: by its name, which people read, unless another has the same name. */
export function workflowRef(workflow: Workflow, workflows: readonly Workflow[]): string {
  return workflows.some((other) => other !== workflow && (other.name === workflow.name || other.id === workflow.name)) ? workflow.id : workflow.name;
}
