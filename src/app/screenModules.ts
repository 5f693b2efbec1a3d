import type { Route } from '../routing/routes.ts';
import { lazyScreen } from './lazyScreen.tsx';

/**
 * Each screen as a chunk of its own, loaded when its route is first shown (or before: see
 * `preload`), so the overview loads neither the canvas nor the simulator, and the simulator not
 * the builder.
 */
export const screenModules = {
  overview: lazyScreen(() => import('../screens/overview/OverviewScreen.tsx').then((module) => module.OverviewScreen)),
  builder: lazyScreen(() => import('../screens/builder/BuilderScreen.tsx').then((module) => module.BuilderScreen)),
  messages: lazyScreen(() => import('../screens/messages/MessagesScreen.tsx').then((module) => module.MessagesScreen)),
  simulator: lazyScreen(() => import('../screens/simulation/SimulatorScreen.tsx').then((module) => module.SimulatorScreen)),
};

/**
 * The screen the page's address names starts downloading as soon as the app's code runs, beside
 * the read of the stored last view the first render waits for, instead of after that render.
 */
export function preloadScreenOfAddress(route: Route): void {
  if (route.screen !== 'not-found') screenModules[route.screen].preload();
}
