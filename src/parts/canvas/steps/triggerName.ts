import type { TriggerType } from '../../../../simulator/schema/trigger.ts';

const NAMES: Record<TriggerType, string> = {
  conversation_opened: 'Conversation opened',
  conversation_closed: 'Conversation closed',
  incoming_message: 'Incoming message',
  shortcut: 'Shortcut',
  tag_updated: 'Tag updated',
  field_updated: 'Contact field updated',
  workflow_started: 'Started by another Workflow',
};

/** What a trigger type is called on screen. */
export const triggerName = (type: TriggerType): string => NAMES[type];

/** Every trigger type, in the order the inspector offers them (a new type fails to compile above until it is named). */
export const TRIGGER_TYPES = Object.keys(NAMES) as TriggerType[];
