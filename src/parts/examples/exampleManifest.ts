import { z } from 'zod';

const fileName = (suffix: string) =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9._-]+\\${suffix}$`), `Expected a file name ending in "${suffix}", with no folder`);

/** One folder of `public/examples/`: Workflows that run together, and the scripts that drive them. */
export const exampleSituationSchema = z.object({
  /** The folder name under `public/examples/`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected a folder name such as "hot-lead"'),
  title: z.string().min(1),
  description: z.string().optional(),
  /** Every `*.workflow.json` of the folder: each script runs against all of them. */
  workflows: z.array(fileName('.workflow.json')).min(1, 'A situation needs at least one Workflow'),
  /** Every `*.script.json` of the folder, in the order the script picker lists them. */
  scripts: z.array(fileName('.script.json')).min(1, 'A situation needs at least one script'),
});
export type ExampleSituation = z.infer<typeof exampleSituationSchema>;

/** `public/examples/index.json`: the bundled examples, one entry per folder. */
export const exampleManifestSchema = z.object({
  situations: z.array(exampleSituationSchema).min(1, 'List at least one situation'),
});
export type ExampleManifest = z.infer<typeof exampleManifestSchema>;

/** Where the manifest lives, relative to the app's base URL. */
export const EXAMPLE_MANIFEST_PATH = 'examples/index.json';

/** `examples/<situation>/<file>`, relative to the app's base URL. */
export function examplePath(situation: string, file: string): string {
  return `examples/${situation}/${file}`;
}
