import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../../simulator/schema/jsonSchemas.ts';

describe('published JSON Schemas', () => {
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    it(`public/schema/${file} is the one generated from the zod schema (run npm run schema)`, () => {
      const published = JSON.parse(readFileSync(new URL(`../../../public/schema/${file}`, import.meta.url), 'utf8'));
      expect(published).toEqual(schema);
    });
  }

  it('describes the Workflow format: its version, the step types and the stop settings', () => {
    const text = JSON.stringify(jsonSchemas()['workflow.schema.json']);
    expect(text).toContain('exitflow.workflow/2');
    for (const type of ['send_message', 'ask_question', 'wait', 'branch', 'datetime_branch', 'jump_to', 'end', 'stop_reason_branch']) expect(text).toContain(`"${type}"`);
    for (const setting of ['manualStop', 'exitConditions', 'whenStopped', 'afterStop', 'reentry', 'resume']) expect(text).toContain(setting);
  });
});
