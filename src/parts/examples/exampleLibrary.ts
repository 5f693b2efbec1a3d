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
  /**
   * Starts loading the situation `id` names (the first when none or an unknown one does, as the
   * example browser shows it) before any screen asks: the page can fetch it while its code still
   * downloads and runs, a round trip or two earlier than the screen would.
   */
  preload(id: string | null): void;
}

export function createExampleLibrary(fetchText: FetchText): ExampleLibrary {
  let manifest: Promise<ManifestRead> | undefined;
  const situations = new Map<string, Promise<LoadedSituation>>();
  const library: ExampleLibrary = {
    manifest: () => (manifest ??= loadManifest(fetchText)),
    situation(situation) {
      let loaded = situations.get(situation.id);
      if (!loaded) {
        loaded = loadSituation(fetchText, situation);
        situations.set(situation.id, loaded);
      }
      return loaded;
    },
    preload(id) {
      void library.manifest().then((read) => {
        if (!read.ok) return;
        const chosen = read.manifest.situations.find((situation) => situation.id === id) ?? read.manifest.situations[0];
        if (chosen) void library.situation(chosen);
      });
    },
  };
  return library;
}
