import { jsonSchemas } from '../../../../../simulator/schema/jsonSchemas.ts';
import type { JsonSchema } from './schemaAt.ts';

/**
 * The published JSON Schema of scripts — made by the same function `npm run schema` writes
 * public/schema/script.schema.json with, so the JSON view suggests and explains what an editor
 * outside the app reads from that file.
 */
export const scriptSchema = jsonSchemas()['script.schema.json'] as JsonSchema;
