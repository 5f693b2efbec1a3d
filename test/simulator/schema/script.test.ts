import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import {
  scriptEventTypeSchema,
  scriptSchema,
  type Script,
  type ScriptEvent,
  type scriptEventSchema,
  type ScriptEventType,
} from '../../../simulator/schema/script.ts';

/** The script format's reference example, verbatim: its public contract. */
const SPEC_EXAMPLE = `{
  "format": "exitflow.script/1",
  "name": "Hot lead: agent takes over",
  "start": "2026-01-05T09:00:00Z",
  "users": [{ "id": "alice", "name": "Alice", "role": "agent", "restricted": false }],
  "contacts": [{ "id": "dana", "name": "Dana", "tags": ["lead"], "fields": { "plan": "pro" } }],
  "events": [
    { "at": "+0",  "contact": "dana", "type": "contact.message", "text": "Hi! Pricing?" },
    { "at": "+3m", "contact": "dana", "type": "agent.message", "user": "alice", "text": "Hi Dana, Alice here" },
    { "at": "+1h", "contact": "dana", "type": "assign", "user": "alice", "to": "bob" },
    { "at": "+2h", "contact": "dana", "type": "workflow.stop", "user": "alice", "workflow": "Lead nurture" }
  ],
  "expect": [
    { "contact": "dana", "workflow": "Lead nurture", "status": "stopped", "reason": "outgoing_message", "atStep": "Wait 24h" },
    { "contact": "dana", "neverSent": "Still interested?" }
  ]
}`;

type ScriptJson = Record<string, unknown> & { users: Record<string, unknown>[]; contacts: Record<string, unknown>[]; events: Record<string, unknown>[] };

function specExample(): ScriptJson {
  return JSON.parse(SPEC_EXAMPLE) as ScriptJson;
}

/** A valid script with two users and two contacts and no events, to extend per test. */
function baseScript(events: Record<string, unknown>[] = []): ScriptJson {
  return {
    format: 'exitflow.script/1',
    name: 'Test',
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 'alice', name: 'Alice', role: 'agent', restricted: false },
      { id: 'bob', name: 'Bob', role: 'manager' },
    ],
    contacts: [{ id: 'dana', name: 'Dana' }, { id: 'eli' }],
    events,
  };
}

function issues(raw: unknown): { path: string; message: string }[] {
  const result = parseScriptDocument(raw);
  return result.ok ? [] : result.issues;
}

/** One valid event of each type of the script format (plus the broadcast the engine adds). */
const EVENT_OF_EACH_TYPE: Record<ScriptEventType, Record<string, unknown>> = {
  'contact.message': { type: 'contact.message', text: 'Hi' },
  'agent.message': { type: 'agent.message', user: 'alice', text: 'Hello' },
  'broadcast.message': { type: 'broadcast.message', text: 'Sale!' },
  assign: { type: 'assign', user: 'alice', to: 'bob' },
  unassign: { type: 'unassign' },
  'workflow.stop': { type: 'workflow.stop', user: 'alice', workflow: 'Lead nurture' },
  shortcut: { type: 'shortcut', user: 'bob', workflow: 'lead-nurture' },
  'tag.add': { type: 'tag.add', tag: 'vip' },
  'tag.remove': { type: 'tag.remove', tag: 'lead' },
  'field.set': { type: 'field.set', field: 'plan', value: 'pro' },
  'conversation.open': { type: 'conversation.open' },
  'conversation.close': { type: 'conversation.close' },
  'workflow.start': { type: 'workflow.start', workflow: 'Lead nurture', atStep: 'wait-24h', fields: { plan: 'pro' } },
  'workflow.publish': { type: 'workflow.publish', workflow: 'Lead nurture', file: 'lead-nurture-v2.workflow.json', policy: 'move' },
};

describe('scriptSchema: the format’s reference example', () => {
  it('parses', () => {
    const result = parseScriptDocument(specExample());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('keeps every contract field and fills in the defaults', () => {
    const script: Script = scriptSchema.parse(specExample());
    expect(script.name).toBe('Hot lead: agent takes over');
    expect(script.timezone).toBe('UTC');
    expect(script.users).toEqual([{ id: 'alice', name: 'Alice', role: 'agent', restricted: false }]);
    expect(script.contacts).toEqual([{ id: 'dana', name: 'Dana', tags: ['lead'], fields: { plan: 'pro' } }]);
    expect(script.events.map((event) => [event.at, event.type])).toEqual([
      ['+0', 'contact.message'],
      ['+3m', 'agent.message'],
      ['+1h', 'assign'],
      ['+2h', 'workflow.stop'],
    ]);
    expect(script.events[2]).toMatchObject({ user: 'alice', to: 'bob' });
    expect(script.events[3]).toMatchObject({ user: 'alice', workflow: 'Lead nurture' });
    expect(script.expect).toEqual([
      { contact: 'dana', workflow: 'Lead nurture', status: 'stopped', reason: 'outgoing_message', atStep: 'Wait 24h' },
      { contact: 'dana', neverSent: 'Still interested?' },
    ]);
  });

  it('types are inferred from the schema', () => {
    expectTypeOf<Script>().toEqualTypeOf<z.infer<typeof scriptSchema>>();
    expectTypeOf<ScriptEvent>().toEqualTypeOf<z.infer<typeof scriptEventSchema>>();
    expectTypeOf<ScriptEventType>().toEqualTypeOf<z.infer<typeof scriptEventTypeSchema>>();
  });
});

describe('scriptSchema: the example scripts', () => {
  const root = join(import.meta.dirname, '../../../public/examples');
  const files = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) => readdirSync(join(root, folder.name)).filter((file) => file.endsWith('.script.json')).map((file) => `${folder.name}/${file}`));

  it('finds them', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses', (file) => {
    expect(issues(JSON.parse(readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });
});

describe('scriptSchema: events', () => {
  it('knows every event type of the format', () => {
    const spec = ['contact.message', 'agent.message', 'assign', 'unassign', 'workflow.stop', 'shortcut', 'tag.add', 'tag.remove', 'field.set', 'conversation.open', 'conversation.close', 'workflow.start', 'workflow.publish'];
    for (const type of spec) expect(scriptEventTypeSchema.options).toContain(type);
  });

  it.each(Object.entries(EVENT_OF_EACH_TYPE))('accepts a %s event', (type, event) => {
    // A publish concerns every contact: it names none.
    const raw = baseScript([{ at: '+5m', ...(type === 'workflow.publish' ? {} : { contact: 'dana' }), ...event }]);
    const result = parseScriptDocument(raw);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.value.events[0]?.type).toBe(type);
  });

  it.each([
    ['agent.message', 'user', { type: 'agent.message', text: 'Hello' }],
    ['agent.message', 'text', { type: 'agent.message', user: 'alice' }],
    ['contact.message', 'text', { type: 'contact.message' }],
    ['assign', 'to', { type: 'assign', user: 'alice' }],
    ['workflow.stop', 'user', { type: 'workflow.stop', workflow: 'Lead nurture' }],
    ['workflow.stop', 'workflow', { type: 'workflow.stop', user: 'alice' }],
    ['shortcut', 'workflow', { type: 'shortcut', user: 'alice' }],
    ['shortcut', 'user', { type: 'shortcut', workflow: 'Lead nurture' }],
    ['tag.add', 'tag', { type: 'tag.add' }],
    ['tag.remove', 'tag', { type: 'tag.remove' }],
    ['field.set', 'field', { type: 'field.set', value: 'pro' }],
    ['field.set', 'value', { type: 'field.set', field: 'plan' }],
  ])('rejects a %s event without %s at $.events[0].%s', (_type, field, event) => {
    expect(issues(baseScript([{ at: '+0', contact: 'dana', ...event }])).map((issue) => issue.path)).toEqual([`$.events[0].${field}`]);
  });

  it('rejects an unknown event type at its type field, naming it as unknown', () => {
    expect(issues(baseScript([{ at: '+0', contact: 'dana', type: 'contact.sneeze' }]))).toEqual([
      { path: '$.events[0].type', message: expect.stringMatching(/^Unknown type.*contact\.message/) },
    ]);
  });

  it('reports an unknown contact at $.events[i].contact', () => {
    const raw = baseScript([
      { at: '+0', contact: 'dana', type: 'contact.message', text: 'Hi' },
      { at: '+1m', contact: 'zoe', type: 'contact.message', text: 'Hi' },
    ]);
    expect(issues(raw)).toEqual([{ path: '$.events[1].contact', message: expect.stringContaining('zoe') }]);
  });

  it.each([
    ['agent.message', { type: 'agent.message', user: 'mallory', text: 'Hi' }],
    ['assign', { type: 'assign', user: 'mallory', to: 'alice' }],
    ['workflow.stop', { type: 'workflow.stop', user: 'mallory', workflow: 'Lead nurture' }],
    ['shortcut', { type: 'shortcut', user: 'mallory', workflow: 'Lead nurture' }],
    ['tag.add', { type: 'tag.add', user: 'mallory', tag: 'vip' }],
  ])('reports an unknown user of a %s event at $.events[i].user', (_type, event) => {
    const raw = baseScript([
      { at: '+0', contact: 'dana', type: 'contact.message', text: 'Hi' },
      { at: '+0', contact: 'eli', type: 'contact.message', text: 'Hi' },
      { at: '+1m', contact: 'dana', ...event },
    ]);
    expect(issues(raw)).toEqual([{ path: '$.events[2].user', message: expect.stringContaining('mallory') }]);
  });

  it('reports an unknown contact and an unknown user of one event, both', () => {
    const raw = baseScript([{ at: '+0', contact: 'zoe', type: 'agent.message', user: 'mallory', text: 'Hi' }]);
    expect(issues(raw).map((issue) => issue.path)).toEqual(['$.events[0].contact', '$.events[0].user']);
  });

  it('reports an expectation about an unknown contact at $.expect[i].contact', () => {
    const raw = { ...baseScript(), expect: [{ contact: 'dana', neverSent: 'x' }, { contact: 'zoe', sent: 'x' }] };
    expect(issues(raw)).toEqual([{ path: '$.expect[1].contact', message: expect.stringContaining('zoe') }]);
  });

  it.each(['+0', '+90s', '+5m', '+1h30m', '+1d2h', '+0s'])('accepts the offset %j', (at) => {
    expect(issues(baseScript([{ at, contact: 'dana', type: 'contact.message', text: 'Hi' }]))).toEqual([]);
  });

  it.each(['5m', '+5', '+1.5h', '-5m', '+1h1d', '+', '', '+5M', 'tomorrow', '2026-01-05T10:00:00Z', 300, null])('rejects the offset %j at $.events[0].at', (at) => {
    expect(issues(baseScript([{ at, contact: 'dana', type: 'contact.message', text: 'Hi' }])).map((issue) => issue.path)).toEqual(['$.events[0].at']);
  });

  it('accepts events listed out of time order', () => {
    const raw = baseScript([
      { at: '+1h', contact: 'dana', type: 'contact.message', text: 'later' },
      { at: '+0', contact: 'dana', type: 'contact.message', text: 'first' },
    ]);
    expect(issues(raw)).toEqual([]);
  });
});

describe('scriptSchema: document', () => {
  it('rejects a contact id listed twice at the second one', () => {
    const raw = baseScript();
    raw.contacts.push({ id: 'dana', name: 'Dana again' });
    expect(issues(raw)).toEqual([{ path: '$.contacts[2].id', message: expect.stringContaining('dana') }]);
  });

  it('needs at least one contact', () => {
    expect(issues({ ...baseScript(), contacts: [] }).map((issue) => issue.path)).toEqual(['$.contacts']);
  });

  it.each(['monday', '2026-01-05', '2026-01-05 09:00', 20260105])('rejects the start %j at $.start', (start) => {
    expect(issues({ ...baseScript(), start }).map((issue) => issue.path)).toEqual(['$.start']);
  });

  it.each(['2026-01-05T09:00:00Z', '2026-01-05T09:00:00+01:00', '2026-01-05T09:00:00.250Z'])('accepts the start %j', (start) => {
    expect(issues({ ...baseScript(), start })).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    expect(issues({ ...baseScript(), timezone: 'Mars/Olympus' }).map((issue) => issue.path)).toEqual(['$.timezone']);
    expect(issues({ ...baseScript(), timezone: 'Europe/Berlin' })).toEqual([]);
  });

  it.each([
    ['a reason that is not a stop reason', { contact: 'dana', workflow: 'W', status: 'stopped', reason: 'bored' }],
    ['a status that does not exist', { contact: 'dana', workflow: 'W', status: 'sleeping' }],
  ])('rejects an expectation with %s', (_what, expectation) => {
    expect(issues({ ...baseScript(), expect: [expectation] }).map((issue) => issue.path.slice(0, 11))).toEqual(['$.expect[0]']);
  });

  it.each(['manual', 'outgoing_message', 'incoming_message', 'manual_assignment'])('accepts the stop reason %s', (reason) => {
    expect(issues({ ...baseScript(), expect: [{ contact: 'dana', workflow: 'W', status: 'stopped', reason }] })).toEqual([]);
  });

  it.each(['active', 'completed', 'stopped', 'failed'])('accepts the status %s', (status) => {
    expect(issues({ ...baseScript(), expect: [{ contact: 'dana', workflow: 'W', status }] })).toEqual([]);
  });

  it('refuses unknown fields anywhere, each at the object that holds it (a typo must not pass silently; issue 13)', () => {
    const raw = specExample();
    raw.author = 'Alice';
    raw.tags = ['regression'];
    (raw.users[0] as Record<string, unknown>).avatar = 'alice.png';
    (raw.contacts[0] as Record<string, unknown>).company = 'Acme';
    (raw.events[0] as Record<string, unknown>).channel = 'whatsapp';
    ((raw.expect as Record<string, unknown>[])[1] as Record<string, unknown>).note = 'never nag';
    expect(issues(raw)).toEqual([
      { path: '$.users[0]', message: 'Unknown field "avatar": not part of the format (a typo?)' },
      { path: '$.contacts[0]', message: 'Unknown field "company": not part of the format (a typo?)' },
      { path: '$.events[0]', message: 'Unknown field "channel": not part of the format (a typo?)' },
      { path: '$.expect[1]', message: 'Unknown field "note": not part of the format (a typo?)' },
      { path: '$', message: 'Unknown fields "author", "tags": not part of the format (typos?)' },
    ]);
  });

  it('refuses a mistyped expectation field that used to pass silently ("reasn")', () => {
    const expectation = { contact: 'dana', workflow: 'W', status: 'stopped', reasn: 'incoming_message' };
    expect(issues({ ...baseScript(), expect: [expectation] })).toEqual([{ path: '$.expect[0]', message: 'Unknown field "reasn": not part of the format (a typo?)' }]);
  });

  it('accepts "$schema" at the top, the editor hint of the bundled files', () => {
    expect(issues({ ...baseScript(), $schema: '../../schema/script.schema.json' })).toEqual([]);
  });

  it('rejects a newer script format at $.format', () => {
    expect(issues({ ...baseScript(), format: 'exitflow.script/2' })).toEqual([
      { path: '$.format', message: expect.stringMatching(/made by a newer version/) },
    ]);
  });

  it('rejects a Workflow document given as a script at $.format', () => {
    expect(issues({ ...baseScript(), format: 'exitflow.workflow/1' }).map((issue) => issue.path)).toEqual(['$.format']);
  });
});

describe('scriptSchema: population', () => {
  const events = [
    { at: '+0', contact: 'dana', type: 'contact.message', text: 'Hi' },
    { at: '+6h', contact: 'dana', type: 'agent.message', user: 'alice', text: 'Hello' },
  ];

  it('accepts a population with contacts, jitter and seed', () => {
    const result = parseScriptDocument({ ...baseScript(events), population: { contacts: 1000, jitter: '10m', seed: 42 } });
    expect(result.ok && result.value.population).toEqual({ contacts: 1000, jitter: '10m', seed: 42 });
  });

  it('defaults jitter and seed', () => {
    const result = parseScriptDocument({ ...baseScript(events), population: { contacts: 3 } });
    expect(result.ok && result.value.population).toMatchObject({ contacts: 3, seed: expect.any(Number) });
    expect(result.ok && typeof result.value.population?.jitter).toBe('string');
  });

  it('rejects a population script with events for a contact other than the first', () => {
    const raw = baseScript([...events, { at: '+1h', contact: 'eli', type: 'contact.message', text: 'Me too' }]);
    expect(issues({ ...raw, population: { contacts: 10, jitter: '5m', seed: 1 } })).toEqual([
      { path: '$.events[2].contact', message: expect.stringContaining('dana') },
    ]);
  });

  it('allows events for several contacts without a population', () => {
    expect(issues(baseScript([...events, { at: '+1h', contact: 'eli', type: 'contact.message', text: 'Me too' }]))).toEqual([]);
  });

  it.each([
    ['zero contacts', { contacts: 0 }, '$.population.contacts'],
    ['a fractional count', { contacts: 2.5 }, '$.population.contacts'],
    ['a count as text', { contacts: '1000' }, '$.population.contacts'],
    ['an offset as jitter', { contacts: 10, jitter: '+10m' }, '$.population.jitter'],
    ['a jitter without unit', { contacts: 10, jitter: '10' }, '$.population.jitter'],
    ['a fractional seed', { contacts: 10, seed: 0.5 }, '$.population.seed'],
  ])('rejects a population with %s', (_what, population, path) => {
    expect(issues({ ...baseScript(events), population }).map((issue) => issue.path)).toEqual([path]);
  });
});

describe('parseScriptDocument: an expectation that matches none of its forms', () => {
  const withExpectation = (expectation: Record<string, unknown>) =>
    parseScriptDocument({ format: 'exitflow.script/1', name: 'x', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'a' }], events: [], expect: [expectation] });
  const issues = (expectation: Record<string, unknown>) => {
    const parsed = withExpectation(expectation);
    return parsed.ok ? [] : parsed.issues;
  };

  it('is told at the field that is wrong, for the form it comes closest to', () => {
    expect(issues({ contact: 'a', workflow: 'W', status: 'stopped', reason: 'outgoing' })).toEqual([
      { path: '$.expect[0].reason', message: expect.stringContaining('expected one of "manual"|"outgoing_message"') },
    ]);
    expect(issues({ contact: 'a', workflow: '', status: 'bogus' }).map((issue) => issue.path)).toEqual(['$.expect[0].workflow', '$.expect[0].status']);
    expect(issues({ contact: 'a', neverSent: '' })).toEqual([{ path: '$.expect[0].neverSent', message: 'Must not be empty' }]);
  });

  it('is told whole when it is near none of them', () => {
    expect(issues({ contact: 'a' })).toEqual([{ path: '$.expect[0]', message: 'Matches none of the forms this value can take (see the JSON Schema)' }]);
  });
});
