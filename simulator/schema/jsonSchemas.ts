import { z } from 'zod';
import { scriptSchema } from './script.ts';
import { workflowSchema } from './workflow.ts';

/**
 * The JSON Schemas published under public/schema/, generated from the zod schemas so editors and
 * other tools can check files. Rules zod checks in code (cross-references, duration grammar)
 * are not expressible here; `npm run simulate` and the app check those.
 */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'workflow.schema.json': withId(z.toJSONSchema(workflowSchema, { io: 'input', unrepresentable: 'any' }), 'workflow'),
    'script.schema.json': withId(z.toJSONSchema(scriptSchema, { io: 'input', unrepresentable: 'any' }), 'script'),
  };
}

function withId(schema: Record<string, unknown>, kind: string): Record<string, unknown> {
  return { title: `exitflow ${kind}`, ...schema };
}
