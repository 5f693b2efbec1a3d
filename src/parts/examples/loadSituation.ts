import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { examplePath, type ExampleSituation } from './exampleManifest.ts';
import type { FetchText } from './fetchText.ts';
import type { FileProblem } from '../../ui/fileProblem.ts';
import { readDocument, type LoadedDocument } from './readDocument.ts';

/** One example folder, loaded: the files that parsed, and every problem of those that did not. */
export interface LoadedSituation {
  readonly situation: ExampleSituation;
  readonly workflows: readonly LoadedDocument<Workflow>[];
  readonly scripts: readonly LoadedDocument<Script>[];
  /** Problems of files that could not be loaded or parsed, in manifest order. */
  readonly problems: readonly FileProblem[];
  /** Whether every Workflow of the folder parsed (a script runs against all of them). */
  readonly workflowsComplete: boolean;
  /** The new versions the scripts' publishes name, by their file (beside the scripts, as the command line reads them). */
  readonly versions: Readonly<Record<string, Workflow>>;
}

/** Loads every Workflow and script of a situation at once, parsing each with the document schemas. */
export async function loadSituation(fetchText: FetchText, situation: ExampleSituation): Promise<LoadedSituation> {
  const [workflowReads, scriptReads] = await Promise.all([
    Promise.all(situation.workflows.map((file) => readDocument(fetchText, examplePath(situation.id, file), parseWorkflowDocument))),
    Promise.all(situation.scripts.map((file) => readDocument(fetchText, examplePath(situation.id, file), parseScriptDocument))),
  ]);
  const workflows = workflowReads.flatMap((read) => (read.ok ? [read.document] : []));
  const scripts = scriptReads.flatMap((read) => (read.ok ? [read.document] : []));
  const files = [...new Set(scripts.flatMap((script) => script.value.events.flatMap((event) => (event.type === 'workflow.publish' ? [event.file] : []))))];
  const versionReads = await Promise.all(files.map((file) => readDocument(fetchText, examplePath(situation.id, file), parseWorkflowDocument)));
  const versions: Record<string, Workflow> = {};
  versionReads.forEach((read, i) => {
    if (read.ok) versions[files[i] as string] = read.document.value;
  });
  return {
    situation,
    workflows,
    scripts,
    problems: [...workflowReads, ...scriptReads, ...versionReads].flatMap((read) => (read.ok ? [] : read.problems)),
    workflowsComplete: workflows.length === workflowReads.length,
    versions,
  };
}
