/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import type { AppStore } from '../state/appStore.ts';
import { offerUpdate } from './updatePrompt.ts';

/**
 * Registers the service worker that keeps the app and the bundled examples working offline
 * (vite.config.ts). Loaded by main.tsx in a production build only, as its own chunk, so Workbox's
 * window code does not weigh on the first load.
 */
export function registerServiceWorker(store: AppStore, flush: () => Promise<void>): void {
  const activateUpdate = registerSW({
    onNeedRefresh: () => offerUpdate({ notify: (notice) => store.getState().notify(notice), flush, activateUpdate: () => activateUpdate() }),
  });
}
