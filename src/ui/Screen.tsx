import { Suspense, useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LoadingMessage } from './LoadingMessage.tsx';

interface Props {
  readonly title: string;
  /** One sentence under the title: what this screen is for. */
  readonly description?: ReactNode;
  /** Shown while something below is still loading. */
  readonly loading?: string;
  /**
   * `page` (the default) scrolls as a document; `workspace` (builder, simulator, Messages) fills
   * the window below the app bar and never scrolls it: its panels scroll inside themselves. Its
   * title and description stay for screen readers, not on screen, where the canvas needs the room
   * and the navigation already says where the person is.
   */
  readonly layout?: 'page' | 'workspace';
  readonly children: ReactNode;
}

/**
 * The frame of every screen: its title (also the document's), and an error boundary and a
 * loading state of its own, so one screen failing never takes the navigation down with it.
 */
export function Screen({ title, description, loading = 'Loading…', layout = 'page', children }: Props) {
  useEffect(() => {
    document.title = `${title} · exitflow`;
  }, [title]);
  return (
    <div className={`screen screen--${layout}`}>
      <header className={layout === 'workspace' ? 'screen-header visually-hidden' : 'screen-header'}>
        <h1 className="screen-title">{title}</h1>
        {description && <p className="screen-description">{description}</p>}
      </header>
      <ErrorBoundary what={title}>
        <Suspense fallback={<LoadingMessage>{loading}</LoadingMessage>}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  );
}
