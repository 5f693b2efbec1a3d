import type { ExitCondition } from '../../../simulator/schema/settings.ts';

/** Each exit condition as the settings panel shows it: its label, when it is met, and what does not count (SPEC §2). */
export const EXIT_CONDITION_TEXT: readonly { readonly condition: ExitCondition; readonly label: string; readonly description: string }[] = [
  {
    condition: 'outgoing_message',
    label: 'Outgoing messages',
    description: 'Met when a person on your team sends the contact a message. Messages from Workflows and broadcasts do not count.',
  },
  {
    condition: 'incoming_message',
    label: 'Incoming messages',
    description: 'Met when the contact sends a message. The message that started this run, and a reply to its open question, do not count.',
  },
  {
    condition: 'manual_assignment',
    label: 'Manual assignment',
    description: 'Met when a person assigns or reassigns the contact to a user. Assignment by a Workflow or a rule, and unassignment, do not count.',
  },
];
