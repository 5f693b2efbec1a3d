import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { exampleManifestSchema } from '../../../../src/parts/examples/exampleManifest.ts';
import type { FetchText } from '../../../../src/parts/examples/fetchText.ts';
import { loadSituation } from '../../../../src/parts/examples/loadSituation.ts';
import type { ShareSituation } from '../../../../simulator/schema/share.ts';

const publicDir = fileURLToPath(new URL('../../../../public/', import.meta.url));

const readPublic: FetchText = async (path) => {
  try {
    return { ok: true, text: await readFile(publicDir + path, 'utf8') };
  } catch (error) {
    return { ok: false, message: String(error) };
  }
};

/** Every bundled example's Workflows with each of its scripts (and the versions that script publishes), as a link carries them. */
export async function bundledSituations(): Promise<{ name: string; situation: ShareSituation }[]> {
  const manifest = exampleManifestSchema.parse(JSON.parse(await readFile(`${publicDir}examples/index.json`, 'utf8')));
  const out: { name: string; situation: ShareSituation }[] = [];
  for (const example of manifest.situations) {
    const loaded = await loadSituation(readPublic, example);
    if (loaded.problems.length > 0) throw new Error(`${example.id}: ${JSON.stringify(loaded.problems)}`);
    for (const script of loaded.scripts) {
      const published = script.value.events.flatMap((event) => (event.type === 'workflow.publish' ? [event.file] : []));
      const versions = Object.fromEntries(published.map((file) => [file, loaded.versions[file]!]));
      out.push({
        name: `${example.id}/${script.file.split('/').pop()}`,
        situation: { v: 1, workflows: loaded.workflows.map((workflow) => workflow.value), script: script.value, ...(published.length > 0 ? { versions } : {}) },
      });
    }
  }
  return out;
}
