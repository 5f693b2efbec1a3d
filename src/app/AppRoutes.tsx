import { BuilderScreen } from '../screens/builder/BuilderScreen.tsx';
import type { ExampleLibrary } from '../parts/examples/exampleLibrary.ts';
import { MessagesScreen } from '../screens/messages/MessagesScreen.tsx';
import { OverviewScreen } from '../screens/overview/OverviewScreen.tsx';
import { SimulatorScreen } from '../screens/simulation/SimulatorScreen.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';
import { ReopenedNotice } from './ReopenedNotice.tsx';
import { useRoute } from '../routing/Router.tsx';

/** The screen of the current route; keyed by screen so each starts fresh (and its error boundary too). */
export function AppRoutes({ library }: { library: ExampleLibrary }) {
  const route = useRoute();
  switch (route.screen) {
    case 'overview':
      return <OverviewScreen key="overview" library={library} />;
    case 'builder':
      return (
        <>
          <BuilderScreen key={`builder:${route.workflowId ?? ''}`} workflowId={route.workflowId} />
          {route.workflowId !== null && <ReopenedNotice workflowId={route.workflowId} />}
        </>
      );
    case 'messages':
      return <MessagesScreen key="messages" />;
    case 'simulator':
      return <SimulatorScreen key="simulator" library={library} choice={{ example: route.example, script: route.script }} workflowId={route.workflow} />;
    case 'not-found':
      return <NotFoundScreen key="not-found" path={route.path} />;
  }
}
