import { Suspense, use, useTransition } from 'react';
import { LoadingMessage } from '../../../ui/LoadingMessage.tsx';
import type { ExampleLibrary } from '../../../parts/examples/exampleLibrary.ts';
import { FileProblemList } from '../../../ui/FileProblemList.tsx';
import { SituationPanel } from './SituationPanel.tsx';
import { SituationPicker } from './SituationPicker.tsx';
import { preloadPlaybackWorkspace } from '../workspace/loadPlaybackWorkspace.ts';

/** Which example is shown: ids from the URL, `null` for the first. */
export interface ExampleChoice {
  readonly example: string | null;
  readonly script: string | null;
}

interface Props {
  readonly library: ExampleLibrary;
  readonly choice: ExampleChoice;
  /** Called inside a transition, so the current example stays on screen while the next loads. */
  readonly onChoose: (choice: ExampleChoice) => void;
}

/** Picks one bundled example situation and shows it; the first is shown when none is chosen. */
export function ExampleBrowser({ library, choice, onChoose }: Props) {
  // Every example opens in the workspace: its code downloads while the example's files are read.
  preloadPlaybackWorkspace();
  const read = use(library.manifest());
  const [loading, startLoading] = useTransition();
  if (!read.ok) return <FileProblemList title="The list of examples cannot be read" problems={read.problems} />;
  const situations = read.manifest.situations;
  const chosen = situations.find((candidate) => candidate.id === choice.example);
  const situation = chosen ?? (situations[0] as (typeof situations)[number]);
  // While another situation loads, the current one stays on screen (a transition), marked busy.
  const picker = (
    <SituationPicker
      situations={situations}
      value={situation.id}
      busy={loading}
      onChange={(id) => startLoading(() => onChoose({ example: id, script: null }))}
    />
  );
  const unknown =
    choice.example !== null && !chosen ? (
      <p className="notice" role="status">
        There is no example “{choice.example}”; showing {situation.title}.
      </p>
    ) : null;
  return (
    <Suspense
      fallback={
        <>
          <section className="controls" aria-label="Example">
            {picker}
          </section>
          <LoadingMessage>Loading {situation.title}…</LoadingMessage>
        </>
      }
    >
      {unknown}
      <SituationPanel
        library={library}
        situation={situation}
        scriptSlug={chosen ? choice.script : null}
        onScriptChange={(slug) => onChoose({ example: situation.id, script: slug })}
        situationPicker={picker}
      />
    </Suspense>
  );
}
