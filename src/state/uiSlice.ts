import type { StateCreator } from 'zustand';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import type { SelectionSlice } from './selectionSlice.ts';

export type NoticeTone = 'error' | 'info' | 'success';

/** A message shown as a toast: something the person should know that no screen is showing. */
export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  readonly title: string;
  readonly description?: string;
  /** How many times the same notice was raised while shown (a repeating error is one toast). */
  readonly count: number;
  /** One thing to do about it, e.g. Undo after a deletion. */
  readonly action?: { readonly label: string; readonly perform: () => void };
  /** Stays until dismissed or acted on (a new version ready), instead of closing after a while. */
  readonly persistent?: boolean;
}

export type NewNotice = Omit<Notice, 'id' | 'count'>;

/** The UI slice: state that belongs to the screen, not to the Workflow or the simulation. */
/** Whether the browser promised not to evict stored drafts (`navigator.storage.persist()`). */
export type PersistentStorage = 'unknown' | 'granted' | 'refused';

export type SimulatorSideTab = 'run' | 'settings';
export type SimulatorDockPanel = 'report' | 'population' | 'debug' | 'compare';

export interface UiSlice {
  readonly notices: readonly Notice[];
  readonly persistentStorage: PersistentStorage;
  setPersistentStorage(state: PersistentStorage): void;
  /** Whether the builder's Workflow settings dialog is open (its toolbar button, or a settings problem, opens it). */
  readonly settingsOpen: boolean;
  setSettingsOpen(open: boolean): void;
  /**
   * A problem whose step the builder's canvas should bring into view (it alone can centre it);
   * the canvas clears it once shown.
   */
  readonly problemToShow: WorkflowProblem | null;
  /**
   * Shows a problem where it can be fixed, from the Problems list or the "Not published" dialog:
   * opens the settings for a settings problem, else selects its step or edge and asks the canvas
   * to centre the step. `null`: the canvas has shown it.
   */
  showProblem(problem: WorkflowProblem | null): void;
  /**
   * The simulator's panels, kept while scripts and situations change (each one mounts a new
   * workspace): the side panel's tab, and the dock's open panel (`null`: folded).
   */
  readonly simulatorPanels: { readonly side: SimulatorSideTab; readonly dock: SimulatorDockPanel | null };
  setSimulatorPanels(panels: Partial<UiSlice['simulatorPanels']>): void;
  /** The builder's panels beside the canvas, folded away when a designer wants the room for the canvas. */
  readonly builderPanels: { readonly palette: boolean; readonly side: boolean };
  toggleBuilderPanel(panel: keyof UiSlice['builderPanels']): void;
  /** Shows a toast; the same notice again while it is shown adds to its count instead. */
  notify(notice: NewNotice): number;
  dismissNotice(id: number): void;
}

/** More than this and the oldest toast gives way: a screen of toasts helps nobody. */
export const MAX_NOTICES = 4;

const sameNotice = (a: NewNotice, b: NewNotice) => a.tone === b.tone && a.title === b.title && a.description === b.description;

// Typed over the whole store: showing a problem selects what it is about (the selection slice).
export const createUiSlice: StateCreator<UiSlice & SelectionSlice, [], [], UiSlice> = (set, get) => {
  let nextId = 1;
  return {
    notices: [],
    persistentStorage: 'unknown',
    setPersistentStorage(persistentStorage) {
      set({ persistentStorage });
    },
    settingsOpen: false,
    setSettingsOpen(settingsOpen) {
      set({ settingsOpen });
    },
    problemToShow: null,
    showProblem(problem) {
      if (problem?.path[0] === 'settings') return set({ settingsOpen: true, problemToShow: null });
      if (problem?.stepId) get().select({ nodeIds: [problem.stepId], edgeIds: [] });
      else if (problem?.edgeId) get().select({ nodeIds: [], edgeIds: [problem.edgeId] });
      set({ problemToShow: problem?.stepId ? problem : null });
    },
    builderPanels: { palette: true, side: true },
    toggleBuilderPanel(panel) {
      const panels = get().builderPanels;
      set({ builderPanels: { ...panels, [panel]: !panels[panel] } });
    },
    simulatorPanels: { side: 'run', dock: null },
    setSimulatorPanels(panels) {
      set({ simulatorPanels: { ...get().simulatorPanels, ...panels } });
    },
    notify(notice) {
      const shown = get().notices.find((candidate) => sameNotice(candidate, notice));
      if (shown) {
        set({ notices: get().notices.map((candidate) => (candidate === shown ? { ...candidate, count: candidate.count + 1 } : candidate)) });
        return shown.id;
      }
      const id = nextId++;
      const entry: Notice = { ...notice, id, count: 1 };
      set({ notices: [...get().notices, entry].slice(-MAX_NOTICES) });
      return id;
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  };
};
