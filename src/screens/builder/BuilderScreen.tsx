import { FileQuestionMark, PencilRuler } from 'lucide-react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingMessage } from '../../ui/LoadingMessage.tsx';
import { Link } from '../../routing/Router.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useStoredWorkflow } from '../../persistence/storedWorkflowHooks.ts';
import { lazy } from 'react';

/** The editor (React Flow, dnd-kit, the inspector) loads when a Workflow is opened, not with the app. */
const WorkflowEditor = lazy(() => import('./WorkflowEditor.tsx').then((module) => ({ default: module.WorkflowEditor })));

const goToWorkflows = (
  <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
    Go to Workflows
  </Link>
);

/** The builder of one Workflow; without one (or with one this browser does not hold) it says how to get one. */
export function BuilderScreen({ workflowId }: { workflowId: string | null }) {
  return (
    <Screen title="Builder" layout="workspace" description="Draw a Workflow step by step, and set how it may be stopped for a contact.">
      {workflowId === null ? (
        <EmptyState icon={<PencilRuler size={32} />} title="No Workflow open" action={goToWorkflows}>
          <p>Open a Workflow from the overview to edit it here.</p>
        </EmptyState>
      ) : (
        <StoredWorkflow workflowId={workflowId} />
      )}
    </Screen>
  );
}

function StoredWorkflow({ workflowId }: { workflowId: string }) {
  const read = useStoredWorkflow(workflowId);
  if (read === undefined) return <LoadingMessage>Opening the Workflow…</LoadingMessage>;
  if (read === null)
    return (
      <EmptyState icon={<FileQuestionMark size={32} />} title="Workflow not found" action={goToWorkflows}>
        <p>
          This browser holds no Workflow with the id <code>{workflowId}</code>. It may have been deleted, or drafted in another browser.
        </p>
      </EmptyState>
    );
  if (!read.ok)
    return (
      <section className="problems" role="alert">
        <h2 className="problems-title">This Workflow cannot be opened</h2>
        <p>{read.unreadable.problem}</p>
      </section>
    );
  return <WorkflowEditor record={read.record} />;
}
