import { describe, expect, it } from 'vitest';
import { scriptSchema, type Script } from '../../../../../simulator/schema/script.ts';
import { appendTestRun, newContactId } from '../../../../../src/screens/simulation/debug/testRunScript.ts';

const script: Script = scriptSchema.parse({
  format: 'exitflow.script/1',
  name: 'Dana',
  start: '2026-01-05T09:00:00Z',
  contacts: [{ id: 'dana', name: 'Dana' }],
  events: [{ at: '+0', contact: 'dana', type: 'contact.message', text: 'Hi' }],
});

describe('appendTestRun', () => {
  it('appends a workflow.start at the step, at the instant to the second, with the fields set up first', () => {
    const next = appendTestRun(script, { contact: 'dana', fields: { plan: 'pro' }, tags: [], workflow: 'follow-up', atStep: 'wait', at: 3_600_999 });
    expect(next.events.at(-1)).toEqual({ at: '+1h', contact: 'dana', type: 'workflow.start', workflow: 'follow-up', atStep: 'wait', fields: { plan: 'pro' } });
    expect(next.events).toHaveLength(2);
    expect(scriptSchema.safeParse(next).success).toBe(true);
  });

  it('adds an existing contact its tags as tag.add events just before the start', () => {
    const next = appendTestRun(script, { contact: 'dana', fields: {}, tags: ['vip', 'lead'], workflow: 'follow-up', at: 0 });
    expect(next.events.slice(1).map((event) => event.type)).toEqual(['tag.add', 'tag.add', 'workflow.start']);
    expect(next.events.at(-1)).not.toHaveProperty('atStep');
    expect(next.events.at(-1)).not.toHaveProperty('fields');
  });

  it('adds a new contact with its tags and fields, and starts its run', () => {
    const next = appendTestRun(script, { contact: 'test-contact', newContactName: 'Test contact', fields: { plan: 'pro' }, tags: ['vip'], workflow: 'follow-up', atStep: 'wait', at: 60_000 });
    expect(next.contacts.at(-1)).toEqual({ id: 'test-contact', name: 'Test contact', tags: ['vip'], fields: { plan: 'pro' } });
    expect(next.events.at(-1)).toEqual({ at: '+1m', contact: 'test-contact', type: 'workflow.start', workflow: 'follow-up', atStep: 'wait' });
  });

  it('leaves the script it was given as it was', () => {
    appendTestRun(script, { contact: 'dana', fields: {}, tags: ['x'], workflow: 'w', at: 0 });
    expect(script.events).toHaveLength(1);
  });
});

describe('newContactId', () => {
  it('makes an id from the name that no contact has', () => {
    expect(newContactId('Test contact', new Set())).toBe('test-contact');
    expect(newContactId('Test contact', new Set(['test-contact', 'test-contact-2']))).toBe('test-contact-3');
    expect(newContactId('   ', new Set())).toBe('test-contact');
    expect(newContactId('Ünïcode ✓', new Set())).toBe('n-code');
  });
});
