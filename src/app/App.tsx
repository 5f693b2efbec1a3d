import type { AppStore } from '../state/appStore.ts';
import { StoreProvider } from '../state/StoreProvider.tsx';
import type { ExampleLibrary } from '../examples/exampleLibrary.ts';
import { AppShell } from './AppShell.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import type { AppHistory } from './routing/history.ts';
import { RouterProvider } from './routing/Router.tsx';

/** What the app runs on, passed in so stories and tests can give their own. */
export interface AppServices {
  readonly library: ExampleLibrary;
  readonly store: AppStore;
  readonly history: AppHistory;
}

/** The whole app: the store, the router, the shell and the screen the URL names. */
export function App({ library, store, history }: AppServices) {
  return (
    <StoreProvider store={store}>
      <RouterProvider history={history}>
        <AppShell>
          <AppRoutes library={library} />
        </AppShell>
      </RouterProvider>
    </StoreProvider>
  );
}
