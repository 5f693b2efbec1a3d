import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../schema/jsonSchemas.ts';

/** `npm run schema`: regenerates public/schema/*.json from the zod schemas. */
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../../public/schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote public/schema/${file}\n`);
}
