import { Suspense, use, useState, useTransition } from 'react';
import { LoadingMessage } from '../app/LoadingMessage.tsx';
import type { ExampleLibrary } from './exampleLibrary.ts';
import { FileProblemList } from './FileProblemList.tsx';
import { SituationPanel } from './SituationPanel.tsx';
import { SituationPicker } from './SituationPicker.tsx';

/** Picks one bundled example situation and shows it; the first is shown at once. */
export function ExampleBrowser({ library }: { library: ExampleLibrary }) {
  const read = use(library.manifest());
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  if (!read.ok) return <FileProblemList title="The list of examples cannot be read" problems={read.problems} />;
  const situations = read.manifest.situations;
  const situation = situations.find((candidate) => candidate.id === chosenId) ?? (situations[0] as (typeof situations)[number]);
  // While another situation loads, the current one stays on screen (a transition), marked busy.
  const picker = (
    <SituationPicker situations={situations} value={situation.id} busy={loading} onChange={(id) => startLoading(() => setChosenId(id))} />
  );
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
      <SituationPanel library={library} situation={situation} situationPicker={picker} />
    </Suspense>
  );
}
