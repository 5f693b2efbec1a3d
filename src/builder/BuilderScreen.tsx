import { FileQuestionMark, PencilRuler } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from '../app/routing/Router.tsx';
import { Screen } from '../app/Screen.tsx';

/** The builder of one Workflow; without one (or with one this browser does not hold) it says how to get one. */
export function BuilderScreen({ workflowId }: { workflowId: string | null }) {
  return (
    <Screen title="Builder" description="Draw a Workflow step by step, and set how it may be stopped for a contact.">
      {workflowId === null ? (
        <EmptyState
          icon={<PencilRuler size={32} />}
          title="No Workflow open"
          action={
            <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
              Go to Workflows
            </Link>
          }
        >
          <p>Open a Workflow from the overview to edit it here.</p>
        </EmptyState>
      ) : (
        <EmptyState
          icon={<FileQuestionMark size={32} />}
          title="Workflow not found"
          action={
            <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
              Go to Workflows
            </Link>
          }
        >
          <p>
            This browser holds no Workflow with the id <code>{workflowId}</code>. It may have been deleted, or drafted in another
            browser.
          </p>
        </EmptyState>
      )}
    </Screen>
  );
}
