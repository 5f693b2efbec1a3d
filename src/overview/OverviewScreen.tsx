import { LayoutList } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from '../app/routing/Router.tsx';
import { Screen } from '../app/Screen.tsx';

/**
 * The home screen: the Workflows kept in this browser. None can be kept yet (drafts arrive with
 * the storage layer), so it says so and points to what can be explored today.
 */
export function OverviewScreen() {
  return (
    <Screen title="Workflows" description="Every Workflow drafted in this browser, with its trigger, status and last edit.">
      <EmptyState
        icon={<LayoutList size={32} />}
        title="No Workflows yet"
        action={
          <Link to={{ screen: 'simulator', example: null, script: null }} className="ui-button ui-button--primary">
            Explore the examples
          </Link>
        }
      >
        <p>Workflows you draw in the builder are kept here, as drafts in this browser, until you publish them.</p>
        <p>Meanwhile, the bundled examples show how a run stops: by an agent, or by an exit condition.</p>
      </EmptyState>
    </Screen>
  );
}
