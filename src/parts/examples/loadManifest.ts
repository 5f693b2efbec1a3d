import { formatJsonPath } from '../../../simulator/schema/parseDocument.ts';
import { EXAMPLE_MANIFEST_PATH, exampleManifestSchema, type ExampleManifest } from './exampleManifest.ts';
import type { FetchText } from './fetchText.ts';
import type { FileProblem } from '../../ui/fileProblem.ts';
import { readDocument } from './readDocument.ts';

export type ManifestRead = { readonly ok: true; readonly manifest: ExampleManifest } | { readonly ok: false; readonly problems: FileProblem[] };

/** Loads and checks `examples/index.json`, the list of bundled examples. */
export async function loadManifest(fetchText: FetchText): Promise<ManifestRead> {
  const read = await readDocument(fetchText, EXAMPLE_MANIFEST_PATH, (raw) => {
    const parsed = exampleManifestSchema.safeParse(raw);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message })) };
  });
  return read.ok ? { ok: true, manifest: read.document.value } : read;
}
