import { Suspense } from 'react';
import type { ExampleLibrary } from '../parts/examples/exampleLibrary.ts';
import { NotFoundScreen } from './NotFoundScreen.tsx';
import { ReopenedNotice } from './ReopenedNotice.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { screenModules } from './screenModules.ts';
import { useRoute } from '../routing/Router.tsx';

const { overview: Overview, builder: Builder, messages: Messages, simulator: Simulator } = screenModules;

/**
 * The screen of the current route; keyed by screen so each starts fresh (and its error boundary too).
 * Each screen's code is loaded on demand; while it loads, the empty frame of that screen holds its place.
 */
export function AppRoutes({ library }: { library: ExampleLibrary }) {
  const route = useRoute();
  switch (route.screen) {
    case 'overview':
      return (
        <Suspense fallback={<ScreenFrame layout="page" />}>
          <Overview.Component key="overview" library={library} />
        </Suspense>
      );
    case 'builder':
      return (
        <>
          <Suspense fallback={<ScreenFrame layout="workspace" />}>
            <Builder.Component key={`builder:${route.workflowId ?? ''}`} workflowId={route.workflowId} />
          </Suspense>
          {route.workflowId !== null && <ReopenedNotice workflowId={route.workflowId} />}
        </>
      );
    case 'messages':
      return (
        <Suspense fallback={<ScreenFrame layout="workspace" />}>
          <Messages.Component key="messages" />
        </Suspense>
      );
    case 'simulator':
      return (
        <Suspense fallback={<ScreenFrame layout="workspace" />}>
          <Simulator.Component key="simulator" library={library} choice={{ example: route.example, script: route.script }} workflowId={route.workflow} />
        </Suspense>
      );
    case 'not-found':
      return <NotFoundScreen key="not-found" path={route.path} />;
  }
}
