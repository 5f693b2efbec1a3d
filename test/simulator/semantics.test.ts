import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopRefusedReasonSchema } from '../../simulator/schema/trace.ts';
import { EXIT_CONDITIONS } from '../../simulator/engine/exitRules.ts';

const root = join(import.meta.dirname, '../..');
const text = readFileSync(join(root, 'simulator/SEMANTICS.md'), 'utf8');

/** simulator/SEMANTICS.md names the test that holds each rule: the names must stay true. */
describe('simulator/SEMANTICS.md stays in step with the engine', () => {
  it('every test it names exists', () => {
    const named = [...text.matchAll(/`(test\/[\w/.-]+\.test\.ts)`/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThan(5);
    for (const file of named) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('lists every reason a manual stop is refused for, and every exit condition', () => {
    for (const reason of stopRefusedReasonSchema.options) expect(text).toContain(`\`${reason}\``);
    for (const condition of Object.keys(EXIT_CONDITIONS)) expect(text.toLowerCase()).toContain(condition.replaceAll('_', ' '));
  });
});
