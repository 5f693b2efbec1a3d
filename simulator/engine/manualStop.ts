import type { ScriptUser } from '../schema/script.ts';
import type { WorkflowSettings } from '../schema/settings.ts';
import type { StopRefusedReason } from '../schema/trace.ts';

export interface ManualStopRequest {
  readonly user: Pick<ScriptUser, 'restricted'>;
  readonly settings: WorkflowSettings;
  /** The contact's run of that Workflow: `active`, the last one that `stopped`, or none. */
  readonly run: 'active' | 'stopped' | 'none';
}

/**
 * The manual-stop command's checks, in the order a person
 * would be told: who may stop, whether the Workflow allows it, whether there is anything to stop.
 * Stopping a run that is already stopped is refused as `already_stopped` — idempotent, no change.
 */
export function decideManualStop(request: ManualStopRequest): { allow: true } | { allow: false; reason: StopRefusedReason } {
  if (request.user.restricted) return { allow: false, reason: 'restricted_user' };
  if (!request.settings.manualStop) return { allow: false, reason: 'manual_stop_off' };
  if (request.run === 'stopped') return { allow: false, reason: 'already_stopped' };
  if (request.run === 'none') return { allow: false, reason: 'no_active_run' };
  return { allow: true };
}
