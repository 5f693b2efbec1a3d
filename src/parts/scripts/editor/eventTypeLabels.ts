import type { ScriptEventType } from '../../../../simulator/schema/script.ts';

/** What each event type is called in the editor's Type picker (the record makes a new type fail to compile until it is named). */
export const EVENT_TYPE_LABELS: Readonly<Record<ScriptEventType, string>> = {
  'contact.message': 'Contact message',
  'agent.message': 'Agent message',
  'broadcast.message': 'Broadcast message',
  assign: 'Assignment',
  unassign: 'Unassignment',
  'workflow.stop': 'Manual stop',
  shortcut: 'Shortcut',
  'tag.add': 'Tag added',
  'tag.remove': 'Tag removed',
  'field.set': 'Field set',
  'conversation.open': 'Conversation opened',
  'conversation.close': 'Conversation closed',
  'workflow.start': 'Test run started',
  'workflow.publish': 'New version published',
};
