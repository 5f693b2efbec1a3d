import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { browserHistory } from './app/routing/history.ts';
import { createExampleLibrary } from './examples/exampleLibrary.ts';
import { createFetchText } from './examples/fetchText.ts';
import { createAppStore } from './state/appStore.ts';
import './styles.css';
import './ui/ui.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no <div id="root">');

const library = createExampleLibrary(createFetchText(new URL(import.meta.env.BASE_URL, window.location.href)));

createRoot(root).render(
  <StrictMode>
    <App library={library} store={createAppStore()} history={browserHistory(import.meta.env.BASE_URL)} />
  </StrictMode>,
);
