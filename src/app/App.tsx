import type { AppStore } from '../state/appStore.ts';
import { StoreProvider } from '../state/StoreProvider.tsx';
import type { ExampleLibrary } from '../parts/examples/exampleLibrary.ts';
import { LiveSessionProvider } from '../screens/messages/live/LiveSessionProvider.tsx';
import { PersistenceProvider, type Persistence } from '../persistence/PersistenceProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { RememberShownScreen } from './RememberShownScreen.tsx';
import type { AppHistory } from '../routing/history.ts';
import { RouterProvider } from '../routing/Router.tsx';

/** What the app runs on, passed in so stories and tests can give their own. */
export interface AppServices {
  readonly library: ExampleLibrary;
  readonly store: AppStore;
  readonly history: AppHistory;
  readonly persistence: Persistence;
}

/** The whole app: the store, storage, the router, the Messages view's live session, the shell and the screen the URL names. */
export function App({ library, store, history, persistence }: AppServices) {
  return (
    <StoreProvider store={store}>
      <PersistenceProvider persistence={persistence}>
        <RouterProvider history={history}>
          <RememberShownScreen />
          <LiveSessionProvider>
            <AppShell>
              <AppRoutes library={library} />
            </AppShell>
          </LiveSessionProvider>
        </RouterProvider>
      </PersistenceProvider>
    </StoreProvider>
  );
}
