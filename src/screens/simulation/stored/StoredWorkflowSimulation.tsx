import { ArrowLeft } from 'lucide-react';
import { lazy, Suspense, use, useMemo, useRef, useState } from 'react';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { LoadingMessage } from '../../../ui/LoadingMessage.tsx';
import { useOneAtATime } from '../../../ui/useOneAtATime.ts';
import { Link, useRoute } from '../../../routing/Router.tsx';
import type { ExampleLibrary } from '../../../parts/examples/exampleLibrary.ts';
import { useScriptVersions, useStoredWorkflow, useWorkflowScripts } from '../../../persistence/storedWorkflowHooks.ts';
import { useSaveWorkflowSettings } from '../../../persistence/useSaveWorkflowSettings.ts';
import { useStoredWorkflowRecords } from '../../../persistence/storedWorkflowHooks.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { savedScriptKey, type ScriptChoice } from '../../../parts/scripts/scriptChoice.ts';
import { scriptForWorkflows } from '../../../parts/scripts/scriptForWorkflows.ts';
import { ScriptsPanel } from '../../../parts/scripts/ScriptsPanel.tsx';
import { workflowsToSimulate } from '../../../../simulator/graph/workflowsToSimulate.ts';
import { useScriptActions } from '../../../persistence/useScriptActions.ts';
import type { ScriptKeeper } from '../debug/TestRunDialog.tsx';
import type { PlaybackStart } from '../workspace/usePlaybackSession.ts';

const PlaybackWorkspace = lazy(() => import('../workspace/PlaybackWorkspace.tsx').then((module) => ({ default: module.PlaybackWorkspace })));

interface Props {
  readonly library: ExampleLibrary;
  readonly workflowId: string;
  readonly scriptKey: string | null;
  readonly onScriptChange: (key: string) => void;
}

/**
 * A stored Workflow (from the builder's Simulate) in the simulator: the scripts saved with it, the
 * scripts of the bundled example it came from, and scripts written or imported here, played
 * against it, the Workflows it starts and, for one started by another Workflow, those that start it.
 */
export function StoredWorkflowSimulation({ library, workflowId, scriptKey, onScriptChange }: Props) {
  const read = useStoredWorkflow(workflowId);
  const records = useStoredWorkflowRecords();
  const documents = useMemo(() => records?.map((record) => record.document), [records]);
  const saved = useWorkflowScripts(workflowId);
  const manifest = use(library.manifest());
  const situations = useMemo(() => Promise.all((manifest.ok ? manifest.manifest.situations : []).map((situation) => library.situation(situation))), [library, manifest]);
  const loaded = use(situations);
  const [unsaved, setUnsaved] = useState<readonly ScriptChoice[]>([]);
  const unsavedCount = useRef(0);
  const saveSettings = useSaveWorkflowSettings();
  const store = useAppStoreApi();
  // One write at a time: a double click saves once. A refused write is toasted by the action; the settings stay tried on screen.
  const savingSettings = useOneAtATime((edited: Workflow, readAt: number | undefined) =>
    saveSettings({ workflowId: edited.id, settings: edited.settings, readAt }).then(
      (outcome) => outcome.ok && store.getState().notify({ tone: 'success', title: `Saved the stop settings of “${edited.name}”` }),
    ),
  );
  const route = useRoute();
  const scriptActions = useScriptActions();
  // A copy saved with a test run opens where the person was, not at its start.
  const [carried, setCarried] = useState<{ readonly key: string; readonly start: PlaybackStart } | null>(null);
  const stored = read && read.ok ? read.record.document : null;
  const workflows = useMemo(() => (stored && documents ? workflowsToSimulate(stored, documents) : []), [stored, documents]);
  // A script saved from the Messages view's live session names the versions its publishes made live by their stored records.
  const savedDocuments = useMemo(() => saved?.scripts.map((record) => record.document) ?? [], [saved]);
  const versions = useScriptVersions(savedDocuments);

  if (read === undefined || records === undefined || saved === undefined) return <LoadingMessage>Reading the Workflow…</LoadingMessage>;
  if (read === null || !read.ok)
    return (
      <p className="notice" role="alert">
        {read === null ? `There is no stored Workflow “${workflowId}”.` : `The stored Workflow “${workflowId}” cannot be read.`}{' '}
        <Link to={{ screen: 'overview' }}>Go to Workflows</Link>
      </p>
    );
  const workflow = read.record.document;
  const examples: ScriptChoice[] = loaded
    .filter((situation) => situation.workflows.some((document) => document.value.id === workflow.id || document.value.name === workflow.name))
    .flatMap((situation) =>
      situation.scripts.map((file) => {
        // An example's script may name the example's other Workflows, which this simulation does
        // not load (a copy of one of them): those lines are left out, as the label says.
        const { script, leftOut } = scriptForWorkflows(file.value, workflows);
        const label = `${situation.situation.title}: ${script.name}${leftOut > 0 ? ' (without its lines about other Workflows)' : ''}`;
        return { key: `${situation.situation.id}/${file.file}`, source: 'example' as const, label, script };
      }),
    );
  const own: ScriptChoice[] = saved.scripts.map((record) => ({ key: savedScriptKey(record.id), source: 'saved', label: record.document.name, script: record.document, record }));
  const choices = [...own, ...unsaved, ...examples];
  // The revision each simulated Workflow was read at: the one simulated from `read`, the others from `records`.
  const revisionShown = (id: string) => (id === workflow.id ? read.record.revision : records.find((record) => record.id === id)?.revision);
  const linked = choices.find((choice) => choice.key === scriptKey);
  const chosen = linked ?? choices[0];
  const testRunKeeper = (choice: ScriptChoice): ScriptKeeper =>
    choice.source === 'saved'
      ? {
          kind: 'add',
          // Saved over the script at the revision shown, as the script editor saves: another tab's save is never overwritten.
          keep: async (script) => {
            const outcome = await scriptActions.save(choice.record, script);
            if (outcome === null) return false;
            if (!outcome.ok)
              store.getState().notify({
                tone: 'error',
                title: 'The test run was not added',
                description: outcome.reason === 'missing' ? `“${choice.label}” was deleted in another tab.` : `“${choice.label}” was saved in another tab meanwhile: try again on it.`,
              });
            return outcome.ok;
          },
        }
      : {
          kind: 'copy',
          keep: async (script) => {
            const record = await scriptActions.create(workflow.id, { ...script, name: `${script.name} (copy)`.slice(0, 200) });
            if (!record) return false;
            const playback = store.getState().playback;
            setCarried({ key: savedScriptKey(record.id), start: { at: playback.frame?.time ?? 0, ...(playback.frame?.contact ? { contact: playback.frame.contact.id } : {}) } });
            onScriptChange(savedScriptKey(record.id));
            return true;
          },
        };
  const playUnsaved = (script: Script) => {
    unsavedCount.current += 1;
    const choice: ScriptChoice = { key: `unsaved:${unsavedCount.current}`, source: 'unsaved', label: script.name, script };
    setUnsaved((current) => [...current, choice]);
    onScriptChange(choice.key);
  };

  return (
    <>
      <div className="simulator-header">
        <div className="simulator-header__title">
          <Link to={{ screen: 'builder', workflowId: workflow.id }} className="ui-button ui-button--small">
            <ArrowLeft aria-hidden size={14} /> Back to the builder
          </Link>
          <p className="simulator-header__name" title={`Simulating ${workflow.name}`}>
            Simulating <strong>{workflow.name}</strong>
          </p>
        </div>
        <ScriptsPanel
          workflowId={workflow.id}
          workflowNames={workflows.map((candidate) => candidate.name)}
          choices={choices}
          chosen={chosen}
          onChoose={onScriptChange}
          onUnsaved={playUnsaved}
        />
        {scriptKey !== null && !linked && chosen && (
          <p className="notice" role="status">
            The script in this link is not here any more (deleted, or not saved); showing “{chosen.label}”.
          </p>
        )}
        {saved.unreadable.length > 0 && (
          <p className="notice" role="alert">
            {saved.unreadable.length === 1 ? 'A saved script cannot be read' : `${saved.unreadable.length} saved scripts cannot be read`}:{' '}
            {saved.unreadable.map((record) => record.problem).join('; ')}
          </p>
        )}
      </div>
      {chosen ? (
        <Suspense fallback={<LoadingMessage>Loading the simulator…</LoadingMessage>}>
          <PlaybackWorkspace
            key={chosen.key}
            // The link's instant and contact are for the script it names; another script chosen here opens at its start.
            {...(carried?.key === chosen.key
              ? { start: carried.start }
              : linked && route.screen === 'simulator'
                ? { start: { ...(route.at === undefined ? {} : { at: route.at }), ...(route.contact === undefined ? {} : { contact: route.contact }) } }
                : {})}
            testRunKeeper={testRunKeeper(chosen)}
            workflows={workflows}
            {...(Object.keys(versions).length > 0 ? { versions } : {})}
            script={chosen.script}
            scripts={choices.map((choice) => choice.script)}
            keepSettings={{ label: 'Save these settings to the Workflow', perform: (edited) => savingSettings.run(edited, revisionShown(edited.id)), busy: savingSettings.busy }}
          />
        </Suspense>
      ) : (
        <p className="notice">This Workflow has no script yet. Write one with New script, or import a script file (format exitflow.script/1).</p>
      )}
    </>
  );
}
