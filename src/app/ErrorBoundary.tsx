import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Shows what went wrong instead of a blank page when something below throws. Give it a `key`
 * that changes with the input to try again on the next input.
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
        <h2 className="problems-title">Something went wrong</h2>
        <p>
          <code>{this.state.error.message}</code>
        </p>
      </section>
    );
  }
}
