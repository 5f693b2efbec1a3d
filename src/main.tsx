// First: it configures zod before any schema is built.
import './app/mainThreadZod.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preloadScreenOfAddress } from './app/screenModules.ts';
import { browserHistory } from './routing/history.ts';
import { parseRoute } from './routing/routes.ts';
import { createExampleLibrary } from './parts/examples/exampleLibrary.ts';
import { createFetchText } from './parts/examples/fetchText.ts';
import { browserPageEvents, connectPersistence } from './persistence/connectPersistence.ts';
import { createDb } from './persistence/db.ts';
import { restoreLastView } from './persistence/restoreLastView.ts';
import { createAppStore } from './state/appStore.ts';
import './styles.css';
import './ui/ui.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no <div id="root">');

const library = createExampleLibrary(createFetchText(new URL(import.meta.env.BASE_URL, window.location.href)));
const store = createAppStore();
const history = browserHistory(import.meta.env.BASE_URL);
// The screen the address names, and an example it opens, are fetched now, not once the first render has drawn.
const route = parseRoute(history.location());
preloadScreenOfAddress(route);
if (route.screen === 'simulator' && route.workflow === undefined && route.shared === undefined) library.preload(route.example);
const db = createDb();
const connection = connectPersistence(store, db, browserPageEvents());

// Ask the browser not to evict drafts under storage pressure; a refusal is reported on the overview.
void navigator.storage?.persist?.().then((granted) => store.getState().setPersistentStorage(granted ? 'granted' : 'refused'), () => undefined);

// Offline use is for the built app only: a service worker in `npm run dev` would serve stale modules.
if (import.meta.env.PROD) {
  void import('./app/registerServiceWorker.ts').then(({ registerServiceWorker }) => registerServiceWorker(store, connection.flush));
}

void restoreLastView(db, history, window.sessionStorage).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App library={library} store={store} history={history} persistence={{ db, flush: connection.flush }} />
    </StrictMode>,
  );
});
