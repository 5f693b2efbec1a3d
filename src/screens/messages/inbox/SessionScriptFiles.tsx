import { useEffect, useImperativeHandle, type Ref } from 'react';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { ScriptRecord } from '../../../model/records.ts';
import { scriptForWorkflows } from '../../../parts/scripts/scriptForWorkflows.ts';
import { useScriptActions } from '../../../persistence/useScriptActions.ts';

export { liveShareSituation } from '../live/liveShareSituation.ts';

/** What the session bar does with the recorded script, once this code is here. */
export interface ScriptFiles {
  /** Save session as script: the script as a file. */
  download(script: Script): void;
  /**
   * Keep with a Workflow: the script, less its lines about Workflows `simulated` leaves out, stored
   * with `workflowId`; null when storage refused it (told already).
   */
  keep(recorded: Script, workflowId: string, simulated: readonly Workflow[]): Promise<{ readonly record: ScriptRecord; readonly script: Script; readonly leftOut: number } | null>;
}

interface Props {
  readonly handle: Ref<ScriptFiles>;
  /** Called once `handle` is set, for the presses made before this code arrived. */
  readonly onReady: () => void;
}

/**
 * The script file and the script kept with a Workflow, behind the session bar's Save session as
 * script and Keep with a Workflow: no first frame needs them, so the bar fetches this code as the
 * pointer or focus reaches its actions (useScriptFiles). Draws nothing.
 */
export function SessionScriptFiles({ handle, onReady }: Props) {
  const actions = useScriptActions();
  useImperativeHandle(
    handle,
    () => ({
      download: actions.exportFile,
      async keep(recorded, workflowId, simulated) {
        const { script, leftOut } = scriptForWorkflows(recorded, simulated);
        const record = await actions.create(workflowId, script);
        return record ? { record, script, leftOut } : null;
      },
    }),
    [actions],
  );
  useEffect(() => onReady(), [onReady]);
  return null;
}
