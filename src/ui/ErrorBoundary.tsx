import { RotateCcw } from 'lucide-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** Where the problem happened, e.g. "The Messages view", for the title. */
  readonly what?: string;
}

interface State {
  readonly error: Error | null;
}

/**
 * Shows what went wrong instead of a blank page when something below throws, with a way to try
 * again. Give it a `key` that changes with the input to start fresh on the next input.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="problems" role="alert">
        <h2 className="problems-title">{this.props.what ? `${this.props.what} hit a problem` : 'Something went wrong'}</h2>
        <p>
          <code>{this.state.error.message || this.state.error.name}</code>
        </p>
        <p className="problems-hint">Nothing you saved is affected. Try again; if it happens again, reload the page.</p>
        <button type="button" className="ui-button" onClick={() => this.setState({ error: null })}>
          <RotateCcw aria-hidden size={16} /> Try again
        </button>
      </section>
    );
  }
}
