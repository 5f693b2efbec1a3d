/**
 * Runs in Chromium (test/bench/playbackBench.ts opens it as `workspace.html?contacts=N`): the real
 * simulator workspace (`PlaybackWorkspace`, the React tree the app mounts — canvas with per-step
 * counts, playback bar, transcript, trace, population charts, compare, end-of-run report) on the
 * follow-up population with N contacts. Once the workspace is drawn (report and charts
 * included), it sets the speed to "As fast as possible" and clicks Play as a person would, then
 * waits for the `done` frame; meanwhile it records the main thread's
 * long tasks and the gaps between animation frames — React's rendering of every frame included.
 */
import { createRoot } from 'react-dom/client';
import { PlaybackWorkspace } from '../../../src/screens/simulation/workspace/PlaybackWorkspace.tsx';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { StoreProvider } from '../../../src/state/StoreProvider.tsx';
import { createDb } from '../../../src/persistence/db.ts';
import { PersistenceProvider } from '../../../src/persistence/PersistenceProvider.tsx';
import { memoryHistory } from '../../../src/routing/history.ts';
import { RouterProvider } from '../../../src/routing/Router.tsx';
import '../../../src/styles.css';
import { collectLongTasks, longTasksBetween, median, populationInput, settle, watchFrames } from './pageMeasures.ts';

/** What one page load measured; times in ms. */
export interface WorkspaceFigures {
  readonly contacts: number;
  /** Mounting the workspace until the first frame is in the store (the worker's start and `load` included). */
  readonly loadMs: number;
  /** The click on Play until the `done` frame is in the store. */
  readonly playMs: number;
  /** Frames the store took while playing. */
  readonly frames: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** The longest task from mounting the workspace until it is all drawn (charts included) and Play can be pressed. */
  readonly longestLoadTaskMs: number;
  /** The longest task from the `done` frame until the end-of-run report, opened then, is on screen. */
  readonly longestReportTaskMs: number;
  readonly maxFrameGapMs: number;
  readonly medianFrameGapMs: number;
  readonly frameGapsOver50Ms: number;
  /** The end-of-run report reached the screen by the end. */
  readonly reportShown: boolean;
  readonly runCount: number;
  readonly done: boolean;
}

export interface WorkspaceBenchApi {
  readonly result: Promise<WorkspaceFigures>;
}

declare global {
  interface Window {
    __workspaceBench?: WorkspaceBenchApi;
  }
}

/** Resolves once the store's state passes `test` (checked on every change). */
function until(store: AppStore, test: (state: ReturnType<AppStore['getState']>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve();
    });
  });
}

/** Resolves once an element matching `selector` is in the page. */
function shown(selector: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (document.querySelector(selector) ? resolve() : requestAnimationFrame(check));
    check();
  });
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

async function run(contacts: number): Promise<WorkspaceFigures> {
  const input = await populationInput(contacts);
  const store = createAppStore();
  // The dock shows one panel at a time: the population's charts, which follow playback, are the
  // heavier to have open while playing; the report is opened after, to check it is there.
  store.getState().setSimulatorPanels({ dock: 'population' });
  const container = document.createElement('div');
  // The window's height, as the simulator screen gives the workspace (its panels share it).
  container.style.cssText = 'height: 100vh; display: flex; flex-direction: column';
  document.body.append(container);
  await settle();

  const loadStart = performance.now();
  // Around it what the app gives the simulator screen: a router at an example's simulator (the
  // breakpoints live in its address) and storage (kept breakpoints), a database of this page's own.
  const persistence = { db: createDb({ name: `exitflow-workspace-bench-${Date.now()}` }), flush: () => Promise.resolve() };
  createRoot(container).render(
    <StoreProvider store={store}>
      <PersistenceProvider persistence={persistence}>
        <RouterProvider history={memoryHistory('/simulator?example=follow-up')}>
          <PlaybackWorkspace workflows={input.workflows} script={input.script} />
        </RouterProvider>
      </PersistenceProvider>
    </StoreProvider>,
  );
  await until(store, (state) => state.playback.frame !== null && state.playback.info !== null);
  const loadEnd = performance.now();
  // Play is pressed once the workspace is all there, as a person would: the charts drawn.
  await shown('section[aria-label="Population"] svg');

  await settle();
  const readyEnd = performance.now();

  button('As fast as possible').click();
  let frames = 0;
  const countFrames = store.subscribe((state, previous) => {
    if (state.playback.frame !== previous.playback.frame) frames++;
  });
  const gaps = watchFrames();
  const playStart = performance.mark('play').startTime;
  button('Play').click();
  await until(store, (state) => state.playback.frame?.done === true && !state.playback.playing);
  const playEnd = performance.mark('done').startTime;
  const frameGaps = gaps.stop();
  countFrames();
  await settle();
  collectLongTasks();

  const during = longTasksBetween(playStart, playEnd);
  const last = store.getState().playback.frame;
  const reportStart = performance.now();
  store.getState().setSimulatorPanels({ dock: 'report' });
  await shown('article[aria-label^="Simulation of"]');
  await settle();
  collectLongTasks();
  const reportEnd = performance.now();
  return {
    contacts,
    loadMs: loadEnd - loadStart,
    playMs: playEnd - playStart,
    frames,
    longestTaskMs: during.longest,
    longTasks: during.count,
    longestLoadTaskMs: longTasksBetween(loadStart, readyEnd).longest,
    longestReportTaskMs: longTasksBetween(reportStart, reportEnd).longest,
    maxFrameGapMs: Math.max(0, ...frameGaps),
    medianFrameGapMs: median(frameGaps),
    frameGapsOver50Ms: frameGaps.filter((gap) => gap > 50).length,
    reportShown: document.querySelector('article[aria-label^="Simulation of"]') !== null,
    runCount: last?.runCount ?? 0,
    done: last?.done ?? false,
  };
}

const contacts = Number(new URLSearchParams(location.search).get('contacts') ?? '10000');
if (!Number.isInteger(contacts) || contacts < 1) throw new Error('workspace.html?contacts= takes a whole number of contacts');
window.__workspaceBench = { result: run(contacts) };
