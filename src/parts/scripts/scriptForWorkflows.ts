import { resolveWorkflowRef } from '../../../simulator/graph/resolveWorkflowRef.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

/**
 * A session's script cut down to what a simulation of some Workflows can play: manual stops and
 * shortcuts of other Workflows, and expectations about them, are left out (the simulator refuses
 * a script that names a Workflow it does not load). Everything the contacts and people did stays.
 */
export function scriptForWorkflows(script: Script, workflows: readonly Workflow[]): { readonly script: Script; readonly leftOut: number } {
  const named = (ref: string) => resolveWorkflowRef(workflows, ref) !== undefined;
  const events = script.events.filter((event) => !('workflow' in event) || named(event.workflow));
  const expect = script.expect.filter((expectation) => !('workflow' in expectation) || named(expectation.workflow));
  return { script: { ...script, events, expect }, leftOut: script.events.length - events.length + script.expect.length - expect.length };
}
