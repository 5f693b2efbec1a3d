import { BuilderScreen } from '../screens/builder/BuilderScreen.tsx';
import { MessagesScreen } from '../screens/messages/MessagesScreen.tsx';
import { OverviewScreen } from '../screens/overview/OverviewScreen.tsx';
import { SimulatorScreen } from '../screens/simulation/SimulatorScreen.tsx';
import type { screenModules as lazyScreenModules } from './screenModules.ts';

const loaded = () => undefined;

/**
 * screenModules.ts with every screen imported up front, for the story tests only (vite.config.ts
 * puts it in its place there): a story's play function looks for a screen the moment it is shown,
 * and the dev server compiling a screen's modules on its first import could take longer than that
 * look waits on a busy machine. The production build, and the browser tests that run it, split.
 */
export const screenModules: typeof lazyScreenModules = {
  overview: { Component: OverviewScreen, preload: loaded },
  builder: { Component: BuilderScreen, preload: loaded },
  messages: { Component: MessagesScreen, preload: loaded },
  simulator: { Component: SimulatorScreen, preload: loaded },
};
