import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import '../../../simulator/schema/plainMessages.ts';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);

describe('zod’s messages in plain words', () => {
  it('says what a value should be and what it is, without zod’s notation', () => {
    expect(messages(z.object({ a: z.string() }), {})).toEqual(['Required: text']);
    expect(messages(z.object({ a: z.string() }), { a: 42 })).toEqual(['Expected text, not 42']);
    expect(messages(z.number().int(), 1.5)).toEqual(['Expected a whole number, not 1.5']);
    expect(messages(z.number(), '7')).toEqual(['Expected a number, not text']);
    expect(messages(z.array(z.string()), { length: 1 })).toEqual(['Expected a list, not an object']);
    expect(messages(z.boolean(), null)).toEqual(['Expected true or false, not null']);
  });

  it('gives sizes and bounds as people count them', () => {
    expect(messages(z.string().max(64), 'x'.repeat(100_000))).toEqual(['At most 64 characters']);
    expect(messages(z.string().min(1), '')).toEqual(['Must not be empty']);
    expect(messages(z.array(z.number()).max(10_000), Array.from({ length: 10_001 }, () => 1))).toEqual(['At most 10,000 items']);
    expect(messages(z.number().int().min(1), -5)).toEqual(['At least 1']);
    expect(messages(z.number().lt(3), 3)).toEqual(['Less than 3']);
    expect(messages(z.number().int(), 1e23)).toEqual(['Too large a number']);
  });

  it('says a number past the largest (1e309, which JSON reads as Infinity) is too large, in every kind of number field', () => {
    for (const schema of [z.number(), z.number().int(), z.int(), z.number().min(0).max(1)]) {
      expect(messages(schema, JSON.parse('1e309'))).toEqual(['Too large a number']);
      expect(messages(schema, JSON.parse('-1e309'))).toEqual(['Too small a number']);
    }
    expect(messages(z.number(), Number.NaN)).toEqual(['Expected a number, not NaN']);
    expect(messages(z.string(), JSON.parse('1e309'))).toEqual(['Expected text, not Infinity']);
  });

  it('leaves a schema’s own message as it is', () => {
    expect(messages(z.string().max(3, 'Three at most'), 'abcd')).toEqual(['Three at most']);
  });

  it('is what an import of a script says, at each path', () => {
    const parsed = parseScriptDocument({
      format: 'exitflow.script/1',
      name: 'x',
      start: '2026-01-05T09:00:00Z',
      contacts: [{ id: 'a', tags: ['t'.repeat(70)] }],
      events: [{ at: '+0', contact: 'a', type: 'contact.message', text: 'y'.repeat(5_000) }],
      population: { contacts: 1.5, seed: 1e23 },
    });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { path: '$.contacts[0].tags[0]', message: 'At most 64 characters' },
      { path: '$.events[0].text', message: 'At most 4,096 characters' },
      { path: '$.population.contacts', message: 'Expected a whole number, not 1.5' },
      { path: '$.population.seed', message: 'Too large a number' },
    ]);
  });
});
