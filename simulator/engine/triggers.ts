import type { Trigger } from '../schema/trigger.ts';

/** Something that happened to a contact and may start runs. */
export type TriggerSignal =
  | { readonly type: 'incoming_message' }
  | { readonly type: 'conversation_opened' }
  | { readonly type: 'conversation_closed' }
  | { readonly type: 'tag_updated'; readonly tag: string; readonly action: 'added' | 'removed' }
  | { readonly type: 'field_updated'; readonly field: string };

export const INCOMING_MESSAGE: TriggerSignal = { type: 'incoming_message' };
export const CONVERSATION_OPENED: TriggerSignal = { type: 'conversation_opened' };
export const CONVERSATION_CLOSED: TriggerSignal = { type: 'conversation_closed' };

/**
 * Whether a Workflow's trigger answers this signal. Shortcuts and "started by another Workflow"
 * are addressed to one Workflow by name, so no broadcast signal matches them.
 */
export function triggerMatches(trigger: Trigger, signal: TriggerSignal): boolean {
  if (trigger.type !== signal.type) return false;
  if (trigger.type === 'tag_updated' && signal.type === 'tag_updated')
    return trigger.tag === signal.tag && trigger.action === signal.action;
  if (trigger.type === 'field_updated' && signal.type === 'field_updated') return trigger.field === signal.field;
  return true;
}
