import { SCRIPT_FORMAT, scriptSchema, type Script, type ScriptUser } from '../../../../simulator/schema/script.ts';

/** How a user's role reads in the user switcher. */
export function roleLabel(user: Pick<ScriptUser, 'role' | 'restricted'>): string {
  const role = { owner: 'Owner', manager: 'Manager', agent: 'Agent' }[user.role];
  return user.restricted ? `${role} with user restriction` : role;
}

/**
 * The demo inbox's people: one user of each role the stop rules tell apart, and three contacts.
 * The session's script starts at `start` (the wall clock when the Messages view opened, to the
 * minute) and records what happens from there.
 */
export function demoScript(start: Date): Script {
  const minute = new Date(Math.floor(start.getTime() / 60_000) * 60_000);
  return scriptSchema.parse({
    format: SCRIPT_FORMAT,
    name: `Messages session ${minute.toISOString().slice(0, 16).replace('T', ' ')}`,
    start: minute.toISOString(),
    users: [
      { id: 'olivia', name: 'Olivia', role: 'owner' },
      { id: 'max', name: 'Max', role: 'manager' },
      { id: 'alice', name: 'Alice', role: 'agent' },
      { id: 'rita', name: 'Rita', role: 'agent', restricted: true },
    ],
    contacts: [
      { id: 'dana', name: 'Dana', tags: ['lead'], fields: { plan: 'pro' } },
      { id: 'omar', name: 'Omar' },
      { id: 'lee', name: 'Lee', tags: ['vip'] },
    ],
    events: [],
  });
}
