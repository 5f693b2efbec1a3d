import { Suspense } from 'react';
import type { ExampleLibrary } from '../examples/exampleLibrary.ts';
import { ExampleBrowser } from '../examples/ExampleBrowser.tsx';
import { AppHeader } from './AppHeader.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LoadingMessage } from './LoadingMessage.tsx';

/** The page: a header, then the bundled examples and their simulation. */
export function App({ library }: { library: ExampleLibrary }) {
  return (
    <>
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary>
          <Suspense fallback={<LoadingMessage>Loading the examples…</LoadingMessage>}>
            <ExampleBrowser library={library} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
