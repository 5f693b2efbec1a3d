import { SCRIPT_FORMAT, type Script } from '../../../simulator/schema/script.ts';

/**
 * A script to start from: one contact, one agent and the contact's first message, starting today
 * at 09:00 UTC — valid as it is, so it plays at once and each edit shows its effect.
 */
export function newScript(today: Date): Script {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 9));
  return {
    format: SCRIPT_FORMAT,
    name: 'New script',
    start: start.toISOString().replace('.000Z', 'Z'),
    timezone: 'UTC',
    users: [{ id: 'agent', name: 'Agent', role: 'agent', restricted: false }],
    contacts: [{ id: 'contact', name: 'Contact', tags: [], fields: {} }],
    events: [{ at: '+0', contact: 'contact', type: 'contact.message', text: 'Hello' }],
    expect: [],
  };
}
