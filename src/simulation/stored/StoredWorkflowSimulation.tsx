import { lazy, Suspense, use, useId, useMemo, useState } from 'react';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import { LoadingMessage } from '../../app/LoadingMessage.tsx';
import { Link } from '../../app/routing/Router.tsx';
import type { ExampleLibrary } from '../../examples/exampleLibrary.ts';
import { useStoredWorkflow, useWorkflowDocuments } from '../../persistence/storedWorkflowHooks.ts';
import { workflowsToSimulate } from './workflowsToSimulate.ts';

const PlaybackWorkspace = lazy(() => import('../workspace/PlaybackWorkspace.tsx').then((module) => ({ default: module.PlaybackWorkspace })));

interface ScriptChoice {
  readonly key: string;
  readonly label: string;
  readonly script: Script;
}

interface Props {
  readonly library: ExampleLibrary;
  readonly workflowId: string;
  readonly scriptKey: string | null;
  readonly onScriptChange: (key: string) => void;
}

/**
 * A stored Workflow (from the builder's Simulate) in the simulator: the scripts of the bundled
 * example it came from, or a script file of your own, played against it and the Workflows it starts.
 */
export function StoredWorkflowSimulation({ library, workflowId, scriptKey, onScriptChange }: Props) {
  const read = useStoredWorkflow(workflowId);
  const documents = useWorkflowDocuments();
  const manifest = use(library.manifest());
  const situations = useMemo(() => Promise.all((manifest.ok ? manifest.manifest.situations : []).map((situation) => library.situation(situation))), [library, manifest]);
  const loaded = use(situations);
  const [imported, setImported] = useState<ScriptChoice | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const inputId = useId();
  const stored = read && read.ok ? read.record.document : null;
  const workflows = useMemo(() => (stored && documents ? workflowsToSimulate(stored, documents) : []), [stored, documents]);

  if (read === undefined || documents === undefined) return <LoadingMessage>Reading the Workflow…</LoadingMessage>;
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
      situation.scripts.map((script) => ({ key: `${situation.situation.id}/${script.file}`, label: `${situation.situation.title}: ${script.value.name}`, script: script.value })),
    );
  const choices = imported ? [imported, ...examples] : examples;
  const chosen = choices.find((choice) => choice.key === scriptKey) ?? choices[0];

  const importScript = async (file: File) => {
    const parsed = parseScriptDocument(JSON.parse(await file.text().catch(() => 'null')) as unknown);
    if (!parsed.ok) {
      setImportProblem(`${file.name}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
      return;
    }
    setImportProblem(null);
    const choice = { key: `file:${file.name}`, label: `${file.name}: ${parsed.value.name}`, script: parsed.value };
    setImported(choice);
    onScriptChange(choice.key);
  };

  return (
    <>
      <section className="controls" aria-label="Workflow and script">
        <p className="field">
          Simulating <strong>{workflow.name}</strong>{' '}
          <Link to={{ screen: 'builder', workflowId: workflow.id }}>Back to the builder</Link>
        </p>
        {choices.length > 0 && (
          <div className="field">
            <label className="field-label" htmlFor={`${inputId}-script`}>
              Script
            </label>
            <select id={`${inputId}-script`} value={chosen?.key} onChange={(event) => onScriptChange(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice.key} value={choice.key}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={`${inputId}-file`}>
            Script file
          </label>
          <input
            id={`${inputId}-file`}
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void importScript(file).catch(() => setImportProblem(`${file.name} is not JSON`));
              event.currentTarget.value = '';
            }}
          />
        </div>
      </section>
      {importProblem && (
        <p className="notice" role="alert">
          Not loaded: {importProblem}
        </p>
      )}
      {chosen ? (
        <Suspense fallback={<LoadingMessage>Loading the simulator…</LoadingMessage>}>
          <PlaybackWorkspace key={chosen.key} workflows={workflows} script={chosen.script} scripts={choices.map((choice) => choice.script)} />
        </Suspense>
      ) : (
        <p className="notice">No bundled script is written for this Workflow. Load a script file (format exitflow.script/1) to play it.</p>
      )}
    </>
  );
}
