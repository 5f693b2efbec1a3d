import { describe, expect, it } from 'vitest';
import { formatOffset } from '../../../simulator/schema/duration.ts';
import { COLUMN_BITS, columnMax, LIMITS } from '../../../simulator/schema/limits.ts';
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import { traceKindSchema, traceReasonSchema } from '../../../simulator/schema/trace.ts';

describe('every maximum fits the column that stores it', () => {
  it('users, Workflows and steps fit the trace columns', () => {
    expect(LIMITS.users - 1).toBeLessThanOrEqual(columnMax(COLUMN_BITS.traceUser));
    expect(LIMITS.workflows - 1).toBeLessThanOrEqual(columnMax(COLUMN_BITS.traceWorkflow));
    // A Workflow's nodes are its trigger and its steps.
    expect(LIMITS.steps).toBeLessThanOrEqual(columnMax(COLUMN_BITS.traceStep));
  });

  it('trace kinds and reason codes fit theirs', () => {
    expect(traceKindSchema.options.length).toBeLessThanOrEqual(2 ** COLUMN_BITS.traceKind);
    for (const option of traceReasonSchema.options) expect(option.options.length).toBeLessThanOrEqual(2 ** COLUMN_BITS.traceCode);
  });

  it('the packed fields share an int32 each (the place leaves two bits for what the value slot holds)', () => {
    expect(COLUMN_BITS.traceKind + COLUMN_BITS.traceCode + COLUMN_BITS.traceUser).toBeLessThanOrEqual(32);
    expect(COLUMN_BITS.traceWorkflow + COLUMN_BITS.traceStep).toBeLessThanOrEqual(30);
  });

  it('the horizon plus the longest Wait is a valid date from the last start a script may have', () => {
    expect(Number.isFinite(new Date(Date.parse('9999-12-31T23:59:59Z') + 2 * LIMITS.horizonMs).getTime())).toBe(true);
  });
});

const script = (body: Record<string, unknown>) => ({ format: 'exitflow.script/1', name: 's', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'dana' }], events: [], ...body });
const pathsOf = (result: ReturnType<typeof parseScriptDocument>) => (result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`));

describe('the limits are refused where input enters, with a JSON path (issue 13)', () => {
  it('a duration of a hundred quintillion days (it froze the engine)', () => {
    const workflow = {
      format: 'exitflow.workflow/1',
      id: 'w',
      name: 'W',
      trigger: { id: 'trigger', type: 'incoming_message' },
      steps: [{ id: 'wait', type: 'wait', label: 'Wait', delay: { kind: 'duration', duration: '100000000000000000000d' } }],
      edges: [{ id: 'e', source: 'trigger', target: 'wait' }],
    };
    const parsed = parseWorkflowDocument(workflow);
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ path: '$.steps[0].delay.duration', message: 'At most 3650d (ten years), the longest a simulation runs' }]);
  });

  it('offsets and jitter past the horizon; 3650d itself is fine', () => {
    const event = (at: string) => ({ at, contact: 'dana', type: 'contact.message', text: 'hi' });
    expect(pathsOf(parseScriptDocument(script({ events: [event('+3651d')] })))).toEqual(['$.events[0].at: At most 3650d (ten years), the longest a simulation runs']);
    expect(pathsOf(parseScriptDocument(script({ events: [event('+3650d')] })))).toEqual([]);
    expect(pathsOf(parseScriptDocument(script({ population: { contacts: 2, jitter: '99999999999d' } })))).toEqual([
      '$.population.jitter: At most 3650d (ten years), the longest a simulation runs',
    ]);
  });

  it('more users than the limit (a restricted one past 32,767 wrapped to unrestricted)', () => {
    const users = Array.from({ length: LIMITS.users + 1 }, (_, i) => ({ id: `u${i}`, name: `U${i}` }));
    expect(pathsOf(parseScriptDocument(script({ users })))).toEqual(['$.users: At most 10,000 users']);
  });

  it('listed contacts past the limit (listing them bypassed the population cap)', () => {
    const contacts = Array.from({ length: LIMITS.listedContacts + 1 }, (_, i) => ({ id: `c${i}` }));
    expect(pathsOf(parseScriptDocument(script({ contacts })))).toEqual(['$.contacts: At most 100,000 listed contacts (a population generates up to 1,000,000)']);
  });

  it('a population that would play more events than the limit', () => {
    const events = Array.from({ length: 11 }, (_, i) => ({ at: `+${i}m`, contact: 'dana', type: 'contact.message', text: 'hi' }));
    expect(pathsOf(parseScriptDocument(script({ events, population: { contacts: 1_000_000 } })))).toEqual([
      '$.population.contacts: 1,000,000 contacts × 11 events is more than the 10,000,000 events a population may play',
    ]);
  });

  it('message texts up to LIMITS.messageChars (4,096, the Messages composer\'s limit too), in every place a script holds one', () => {
    const withText = (text: string) =>
      script({
        users: [{ id: 'alex', name: 'Alex' }],
        events: [
          { at: '+0', contact: 'dana', type: 'contact.message', text },
          { at: '+1m', contact: 'dana', type: 'agent.message', user: 'alex', text },
          { at: '+2m', contact: 'dana', type: 'broadcast.message', text },
        ],
        expect: [
          { contact: 'dana', neverSent: text },
          { contact: 'dana', sent: text },
        ],
      });
    expect(LIMITS.messageChars).toBe(4096);
    expect(pathsOf(parseScriptDocument(withText('x'.repeat(LIMITS.messageChars))))).toEqual([]);
    expect(pathsOf(parseScriptDocument(withText('x'.repeat(LIMITS.messageChars + 1))))).toEqual([
      '$.events[0].text: At most 4,096 characters',
      '$.events[1].text: At most 4,096 characters',
      '$.events[2].text: At most 4,096 characters',
      '$.expect[0].neverSent: At most 4,096 characters',
      '$.expect[1].sent: At most 4,096 characters',
    ]);
  });

  it('a contact field named __proto__ is a problem, not silently dropped', () => {
    const contacts = [{ id: 'dana', fields: JSON.parse('{"__proto__": "x", "plan": "pro"}') as unknown }];
    expect(pathsOf(parseScriptDocument(script({ contacts })))).toEqual([
      "$.contacts[0].fields.__proto__: JavaScript's own names (__proto__, constructor, prototype) cannot name a field",
    ]);
  });
});

describe('formatOffset writes digits, never an exponent (issue 13, item 8)', () => {
  it.each([
    [1e21, '+11574074074074d1h46m40s'],
    [1e30, /^\+\d+d/],
    [Number.MAX_VALUE, /^\+\d+d/],
    [Infinity, '+∞'],
    [0.4, '+0'],
    [1500, '+1s500ms'],
  ])('%s', (ms, expected) => {
    const text = formatOffset(ms);
    expect(text).not.toMatch(/e\+|e-/);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });
});
