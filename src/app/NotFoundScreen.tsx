import { SearchX } from 'lucide-react';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Link } from '../routing/Router.tsx';
import { Screen } from '../ui/Screen.tsx';

/** A URL that names no screen: say which, and offer the way home. */
export function NotFoundScreen({ path }: { path: string }) {
  return (
    <Screen title="Page not found">
      <EmptyState
        icon={<SearchX size={32} />}
        title="Nothing lives at this address"
        action={
          <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
            Go to Workflows
          </Link>
        }
      >
        <p>
          exitflow has no page at <code>{path}</code>. The link may be mistyped or from an older version.
        </p>
      </EmptyState>
    </Screen>
  );
}
