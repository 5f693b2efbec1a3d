import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageService } from '../../../../../simulator/service/coverageService.ts';
import { neverReachedOn } from '../../../../../src/screens/simulation/debug/neverReachedOn.ts';

const folder = join(import.meta.dirname, '../../../../../public/examples/follow-up');
const read = (file: string): unknown => JSON.parse(readFileSync(join(folder, file), 'utf8'));

describe('neverReachedOn', () => {
  it('marks the steps and edges of the Workflow that the engine counted no run through', () => {
    const outcome = new CoverageService().coverage({ workflows: [read('follow-up.workflow.json')], scripts: [read('contact-replies.script.json')] });
    if (!outcome.ok) throw new Error('coverage refused');
    const never = neverReachedOn(outcome.coverage, 'follow-up');
    expect([...never.steps].sort()).toEqual(['check-in', 'done']);
    expect([...never.edges].sort()).toEqual(['e3', 'e4']);
    expect(neverReachedOn(outcome.coverage, 'another').steps.size).toBe(0);
  });
});
