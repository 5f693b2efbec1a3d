import type { ExampleSituation } from './exampleManifest.ts';
import type { FetchText } from './fetchText.ts';
import { loadManifest, type ManifestRead } from './loadManifest.ts';
import { loadSituation, type LoadedSituation } from './loadSituation.ts';

/**
 * The bundled examples, each loaded once. It hands out the same promise for the same request, as
 * React's `use()` needs; the promises never reject (problems are data).
 */
export interface ExampleLibrary {
  manifest(): Promise<ManifestRead>;
  situation(situation: ExampleSituation): Promise<LoadedSituation>;
}

export function createExampleLibrary(fetchText: FetchText): ExampleLibrary {
  let manifest: Promise<ManifestRead> | undefined;
  const situations = new Map<string, Promise<LoadedSituation>>();
  return {
    manifest: () => (manifest ??= loadManifest(fetchText)),
    situation(situation) {
      let loaded = situations.get(situation.id);
      if (!loaded) {
        loaded = loadSituation(fetchText, situation);
        situations.set(situation.id, loaded);
      }
      return loaded;
    },
  };
}
