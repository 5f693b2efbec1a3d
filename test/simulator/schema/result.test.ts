import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resultSchema } from '../../../simulator/schema/result.ts';

const problem = { source: 'script', index: 0, path: '/events/0', message: 'Expected an offset' } as const;

describe('resultSchema', () => {
  const answer = resultSchema({ frame: z.number() });

  it('takes a success with its fields, and a refusal with its problems', () => {
    expect(answer.parse({ ok: true, frame: 3 })).toEqual({ ok: true, frame: 3 });
    expect(answer.parse({ ok: false, problems: [problem] })).toEqual({ ok: false, problems: [problem] });
  });

  it('refuses a success without its fields and a refusal that names no problem', () => {
    expect(answer.safeParse({ ok: true }).success).toBe(false);
    expect(answer.safeParse({ ok: false, problems: [] }).success).toBe(false);
    expect(answer.safeParse({ ok: false, frame: 3 }).success).toBe(false);
  });

  it('takes either of two successes, each with its own fields', () => {
    const rows = resultSchema({ kind: z.literal('runs'), rows: z.array(z.number()) }, { kind: z.literal('trace'), rows: z.array(z.string()) });
    expect(rows.safeParse({ ok: true, kind: 'runs', rows: [1] }).success).toBe(true);
    expect(rows.safeParse({ ok: true, kind: 'trace', rows: ['a'] }).success).toBe(true);
    expect(rows.safeParse({ ok: true, kind: 'trace', rows: [1] }).success).toBe(false);
    expect(rows.safeParse({ ok: false, problems: [problem] }).success).toBe(true);
  });
});
