import { describe, expect, it } from 'vitest';
import { scriptSchema } from '../../../../../simulator/schema/script.ts';
import { demoScript, roleLabel } from '../../../../../src/screens/messages/live/demoCast.ts';

describe('demoScript', () => {
  const script = demoScript(new Date('2026-01-05T09:41:27.500Z'));

  it('starts at the minute the Messages view opened, with no events yet', () => {
    expect(script.start).toBe('2026-01-05T09:41:00.000Z');
    expect(script.name).toBe('Messages session 2026-01-05 09:41');
    expect(script.events).toEqual([]);
    expect(scriptSchema.parse(script)).toEqual(script);
  });

  it('has one user of each kind the stop rules tell apart', () => {
    expect(script.users.map((user) => roleLabel(user))).toEqual(['Owner', 'Manager', 'Agent', 'Agent with user restriction']);
    expect(script.contacts.map((contact) => contact.name)).toEqual(['Dana', 'Omar', 'Lee']);
  });
});

describe('roleLabel', () => {
  it('says the role, and the user restriction when there is one', () => {
    expect(roleLabel({ role: 'manager', restricted: true })).toBe('Manager with user restriction');
    expect(roleLabel({ role: 'owner', restricted: false })).toBe('Owner');
  });
});
