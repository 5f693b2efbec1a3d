import { lazy, Suspense, use, useMemo, type ReactNode } from 'react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { LoadingMessage } from '../../../ui/LoadingMessage.tsx';
import { useNavigate } from '../../../routing/Router.tsx';
import { useStoredWorkflowActions } from '../../../persistence/useStoredWorkflowActions.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { ErrorBoundary } from '../../../ui/ErrorBoundary.tsx';
import { useOneAtATime } from '../../../ui/useOneAtATime.ts';
import type { ExampleLibrary } from '../../../parts/examples/exampleLibrary.ts';
import type { ExampleSituation } from '../../../parts/examples/exampleManifest.ts';
import { FileProblemList } from '../../../ui/FileProblemList.tsx';
import { ScriptPicker } from './ScriptPicker.tsx';
import { scriptSlug } from '../../../parts/examples/scriptSlug.ts';
import { loadPlaybackWorkspace } from '../workspace/loadPlaybackWorkspace.ts';

const PlaybackWorkspace = lazy(loadPlaybackWorkspace);

interface Props {
  readonly library: ExampleLibrary;
  readonly situation: ExampleSituation;
  /** The chosen script's short name (from the URL); `null` for the first. */
  readonly scriptSlug: string | null;
  readonly onScriptChange: (slug: string) => void;
  /** Shown beside the script picker. */
  readonly situationPicker: ReactNode;
}

/** One situation: its script picker, any files that could not be read, and the simulation (the workspace, with the end-of-run report). */
export function SituationPanel({ library, situation, scriptSlug: chosenSlug, onScriptChange, situationPicker }: Props) {
  const loaded = use(library.situation(situation));
  // One array per load: a new one would tell the workspace the Workflows changed and drop the settings tried there.
  const workflows = useMemo(() => loaded.workflows.map((document) => document.value), [loaded]);
  const { create } = useStoredWorkflowActions();
  const store = useAppStoreApi();
  const navigate = useNavigate();
  // The example's files never change: settings worth keeping become a Workflow of your own — one
  // per press, however often the button is clicked while it is being stored.
  const savingAsMine = useOneAtATime(async (workflow: Workflow) => {
    const record = await create(workflow);
    if (!record) return;
    store.getState().notify({
      tone: 'success',
      title: `Saved “${record.document.name}” as your Workflow, with these stop settings`,
      action: { label: 'Open in the builder', perform: () => navigate({ screen: 'builder', workflowId: record.id }) },
    });
  });
  const chosen = loaded.scripts.find((candidate) => scriptSlug(candidate.file) === chosenSlug);
  const script = chosen ?? loaded.scripts[0];
  const fileCount = new Set(loaded.problems.map((problem) => problem.file)).size;
  return (
    <>
      <div className="simulator-header">
        <section className="controls" aria-label="Example">
          {situationPicker}
          {script && <ScriptPicker scripts={loaded.scripts} value={script.file} onChange={(file) => onScriptChange(scriptSlug(file))} />}
        </section>
        {chosenSlug !== null && !chosen && script && (
          <p className="notice" role="status">
            {situation.title} has no script “{chosenSlug}”; showing {script.value.name}.
          </p>
        )}
        {loaded.problems.length > 0 && (
          <FileProblemList
            title={`${fileCount} ${fileCount === 1 ? 'file' : 'files'} of ${situation.title} cannot be read`}
            problems={loaded.problems}
          />
        )}
      </div>
      {!script ? (
        <p className="notice">This situation has no script that can be read, so there is nothing to simulate.</p>
      ) : !loaded.workflowsComplete ? (
        <p className="notice">Nothing was simulated: a script runs against every Workflow of its situation, and not all of them can be read.</p>
      ) : (
        <ErrorBoundary key={`${situation.id}/${script.file}`}>
          <Suspense fallback={<LoadingMessage>Loading the simulator…</LoadingMessage>}>
            <PlaybackWorkspace
              key={`${situation.id}/${script.file}`}
              workflows={workflows}
              script={script.value}
              versions={loaded.versions}
              scripts={loaded.scripts.map((document) => document.value)}
              keepSettings={{ label: 'Save as my Workflow', perform: savingAsMine.run, busy: savingAsMine.busy }}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
