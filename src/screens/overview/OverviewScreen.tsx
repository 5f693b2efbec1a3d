import { LayoutList, Plus } from 'lucide-react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingMessage } from '../../ui/LoadingMessage.tsx';
import { Link, useNavigate } from '../../routing/Router.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { blankWorkflow } from '../../model/blankWorkflow.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { useWorkflowList } from '../../persistence/storedWorkflowHooks.ts';
import { useStoredWorkflowActions } from '../../persistence/useStoredWorkflowActions.ts';
import { useWorkflowFileActions } from '../../persistence/useWorkflowFileActions.ts';
import { useAppStore } from '../../state/StoreProvider.tsx';
import type { ExampleLibrary } from '../../parts/examples/exampleLibrary.ts';
import { ImportFileButton } from '../../ui/ImportFileButton.tsx';
import { useOneAtATime } from '../../ui/useOneAtATime.ts';
import { NewFromExampleMenu } from './NewFromExampleMenu.tsx';
import { WorkflowTable } from './WorkflowTable.tsx';

/** The home screen: the Workflows kept in this browser, and the ways to make a new one. */
export function OverviewScreen({ library }: { library: ExampleLibrary }) {
  return (
    <Screen title="Workflows" description="Every Workflow drafted in this browser, with its trigger, status and last edit.">
      <WorkflowOverview library={library} />
    </Screen>
  );
}

function WorkflowOverview({ library }: { library: ExampleLibrary }) {
  const list = useWorkflowList();
  const persistentStorage = useAppStore((state) => state.persistentStorage);
  const navigate = useNavigate();
  const { create } = useStoredWorkflowActions();
  const { importFile } = useWorkflowFileActions();
  const open = (workflowId: string) => navigate({ screen: 'builder', workflowId });
  // One new Workflow per press: a double click, or a click while the first is still being stored, makes no second one.
  const creating = useOneAtATime(async (workflow: Workflow) => {
    const record = await create(workflow);
    if (record) open(record.id);
  });
  const actions = (
    <div className="toolbar" role="toolbar" aria-label="New Workflow">
      <button
        type="button"
        className="ui-button ui-button--primary"
        aria-disabled={creating.busy}
        aria-busy={creating.busy}
        onClick={() => creating.run(blankWorkflow())}
      >
        <Plus aria-hidden size={16} /> New Workflow
      </button>
      <NewFromExampleMenu library={library} onChoose={(example) => creating.run(example)} />
      <ImportFileButton
        importFile={async (file) => {
          const outcome = await importFile(file);
          if (outcome.ok && outcome.record) open(outcome.record.id);
          return outcome;
        }}
      />
    </div>
  );
  if (list === undefined) return <LoadingMessage>Reading the stored Workflows…</LoadingMessage>;
  return (
    <>
      {actions}
      {persistentStorage === 'refused' && (
        <p className="notice">
          The browser did not promise to keep exitflow’s data when space runs low. Drafts are saved, but export the Workflows you cannot lose.
        </p>
      )}
      {list.unreadable.length > 0 && (
        <section className="problems" role="alert">
          <h2 className="problems-title">{list.unreadable.length === 1 ? '1 stored Workflow cannot be read' : `${list.unreadable.length} stored Workflows cannot be read`}</h2>
          <ul className="problems-list">
            {list.unreadable.map((record) => (
              <li key={record.id}>
                <code>{record.id}</code>: {record.problem}
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.workflows.length > 0 ? (
        <WorkflowTable workflows={list.workflows} />
      ) : (
        <EmptyState
          icon={<LayoutList size={32} />}
          title="No Workflows yet"
          action={
            <Link to={{ screen: 'simulator', example: null, script: null }} className="ui-button">
              Explore the examples
            </Link>
          }
        >
          <p>Workflows you draw are kept here, as drafts in this browser, until you publish them. Start with New Workflow, or import a file.</p>
          <p>Meanwhile, the bundled examples show how a run stops: by an agent, or by an exit condition.</p>
        </EmptyState>
      )}
    </>
  );
}
