import { MessagesSquare } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from '../app/routing/Router.tsx';
import { Screen } from '../app/Screen.tsx';

/** The demo inbox; until a Workflow is published there is no conversation to show. */
export function MessagesScreen() {
  return (
    <Screen title="Messages" description="A demo inbox where published Workflows talk to contacts and agents can take over.">
      <EmptyState
        icon={<MessagesSquare size={32} />}
        title="No conversations yet"
        action={
          <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
            Go to Workflows
          </Link>
        }
      >
        <p>
          Conversations start when a published Workflow is triggered. Here an agent can write to a contact, and stop a Workflow for
          that one contact from the Ongoing Workflows tab.
        </p>
      </EmptyState>
    </Screen>
  );
}
