import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import { describeStorageFailure } from '../model/storageError.ts';
import type { AppStore } from '../state/appStore.ts';
import type { StoredSettingsOutcome, StoredSettingsWriter } from './storedSettingsWriter.ts';

export interface SettingsChange {
  readonly workflowId: string;
  readonly settings: WorkflowSettings;
  /**
   * The stored revision the settings were shown from. Not needed for the Workflow open in this
   * tab: its document is this tab's latest state, and autosave checks the revision when it writes.
   */
  readonly readAt?: number;
}

export type SettingsOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'conflict' | 'missing' | 'unreadable' | 'storage'; readonly message: string };

/**
 * The one way a Workflow's stop settings are changed — from the builder, the overview and the
 * simulator. The Workflow open in this tab changes through its document (undoable, autosaved, and
 * shown at once); any other is written to storage if no one else stored it since `readAt`.
 *
 * @example
 * const outcome = await saveWorkflowSettings(store, writer, { workflowId, settings, readAt: record.revision });
 * if (!outcome.ok) toast(outcome.message);
 */
export async function saveWorkflowSettings(store: AppStore, writer: StoredSettingsWriter, change: SettingsChange): Promise<SettingsOutcome> {
  // Before any await: the builder's panel reads the document, and must show a click before the next one.
  if (store.getState().document?.workflowId === change.workflowId) {
    store.getState().editWorkflow((workflow) => ({ ...workflow, settings: change.settings }));
    return { ok: true };
  }
  if (change.readAt === undefined) return { ok: false, reason: 'conflict', message: 'This Workflow is no longer open here: nothing was saved.' };
  try {
    return describeOutcome(await writer.write(change.workflowId, change.settings, change.readAt));
  } catch (error) {
    return { ok: false, reason: 'storage', message: describeStorageFailure(error).message };
  }
}

function describeOutcome(outcome: StoredSettingsOutcome): SettingsOutcome {
  if (outcome.ok) return { ok: true };
  switch (outcome.reason) {
    case 'conflict': {
      const name = outcome.current.ok ? `“${outcome.current.record.document.name}”` : 'This Workflow';
      return {
        ok: false,
        reason: 'conflict',
        message: `${name} was changed in another tab after its settings were shown here, so these were not saved. Its stored settings show now: make your change again.`,
      };
    }
    case 'missing':
      return { ok: false, reason: 'missing', message: 'This Workflow is no longer stored (deleted in another tab?).' };
    case 'unreadable':
      return { ok: false, reason: 'unreadable', message: outcome.problem };
  }
}
