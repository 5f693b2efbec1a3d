import type { AppStore } from '../../../state/appStore.ts';
import { EMPTY_SELECTION } from '../../../state/selectionSlice.ts';
import { autoLayout } from '../../../parts/canvas/autoLayout.ts';
import { copyFragment, nodeIds, pasteFragment, removeElements } from '../../../model/workflowEdits.ts';

/**
 * The builder's commands as data — name, shortcut, when they apply, what they do — shared by the
 * toolbar and the keyboard (and later a context menu), so each is written once.
 */
export interface BuilderCommand {
  readonly id: string;
  readonly label: string;
  /** Shown in tooltips, e.g. "Ctrl+Z". */
  readonly shortcut?: string;
  /** Whether a key press means this command (`mod` is Ctrl, or ⌘ on a Mac). */
  readonly matches?: (key: KeyPress) => boolean;
  readonly enabled: (store: AppStore) => boolean;
  readonly perform: (store: AppStore) => void;
}

export interface KeyPress {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

/** Where pasted and duplicated steps land, from the originals. */
export const PASTE_OFFSET = { x: 40, y: 40 } as const;

const hasDocument = (store: AppStore) => store.getState().document !== null;
const selectedSteps = (store: AppStore) => {
  const { document, selection } = store.getState();
  if (!document) return [];
  const steps = new Set(document.workflow.steps.map((step) => step.id));
  return selection.nodeIds.filter((id) => steps.has(id));
};
/** The selected nodes a delete removes: steps and the When stopped entry (never the trigger). */
const selectedDeletable = (store: AppStore) => {
  const { document, selection } = store.getState();
  const entry = document?.workflow.whenStopped?.id;
  return [...selectedSteps(store), ...selection.nodeIds.filter((id) => id === entry)];
};
const is = (key: string, { mod = false, shift = false }: { mod?: boolean; shift?: boolean } = {}) => (press: KeyPress) =>
  press.key.toLowerCase() === key && press.mod === mod && press.shift === shift && !press.alt;

function paste(store: AppStore, fragment = store.getState().clipboard) {
  if (!fragment || fragment.steps.length === 0) return;
  let pasted: string[] = [];
  store.getState().editWorkflow((workflow) => {
    const result = pasteFragment(workflow, fragment, PASTE_OFFSET);
    pasted = result.stepIds;
    return result.workflow;
  });
  store.getState().select({ nodeIds: pasted, edgeIds: [] });
}

/**
 * Removes steps (the When stopped entry too) and edges as one edit and empties the selection, so
 * no removed id stays selected: the inspector and the palette read the selection, and a stale id
 * would count as a selected step after the next click. The Delete command and the canvas's own
 * Delete and Backspace keys both delete through here.
 */
export function deleteElements(store: AppStore, elements: { readonly stepIds: readonly string[]; readonly edgeIds: readonly string[] }): void {
  store.getState().editWorkflow((workflow) => removeElements(workflow, elements));
  store.getState().select(EMPTY_SELECTION);
}

/** The toast offering Auto-layout, per store: one at a time, gone once the layout is done. */
const layoutOffers = new WeakMap<AppStore, number>();

export const BUILDER_COMMANDS = {
  undo: {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    matches: is('z', { mod: true }),
    enabled: (store) => (store.getState().document?.past.length ?? 0) > 0,
    perform: (store) => store.getState().undo(),
  },
  redo: {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Shift+Ctrl+Z',
    matches: (press) => is('z', { mod: true, shift: true })(press) || is('y', { mod: true })(press),
    enabled: (store) => (store.getState().document?.future.length ?? 0) > 0,
    perform: (store) => store.getState().redo(),
  },
  copy: {
    id: 'copy',
    label: 'Copy',
    shortcut: 'Ctrl+C',
    matches: is('c', { mod: true }),
    enabled: (store) => selectedSteps(store).length > 0,
    perform: (store) => {
      const { document } = store.getState();
      if (document) store.getState().setClipboard(copyFragment(document.workflow, selectedSteps(store)));
    },
  },
  paste: {
    id: 'paste',
    label: 'Paste',
    shortcut: 'Ctrl+V',
    matches: is('v', { mod: true }),
    enabled: (store) => hasDocument(store) && (store.getState().clipboard?.steps.length ?? 0) > 0,
    perform: (store) => paste(store),
  },
  duplicate: {
    id: 'duplicate',
    label: 'Duplicate',
    shortcut: 'Ctrl+D',
    matches: is('d', { mod: true }),
    enabled: (store) => selectedSteps(store).length > 0,
    perform: (store) => {
      const { document } = store.getState();
      if (document) paste(store, copyFragment(document.workflow, selectedSteps(store)));
    },
  },
  delete: {
    id: 'delete',
    label: 'Delete',
    shortcut: 'Delete',
    enabled: (store) => selectedDeletable(store).length > 0 || store.getState().selection.edgeIds.length > 0,
    perform: (store) => {
      const { selection } = store.getState();
      deleteElements(store, { stepIds: selection.nodeIds, edgeIds: selection.edgeIds });
    },
  },
  selectAll: {
    id: 'selectAll',
    label: 'Select all',
    shortcut: 'Ctrl+A',
    matches: is('a', { mod: true }),
    enabled: hasDocument,
    perform: (store) => {
      const { document } = store.getState();
      if (document) store.getState().select({ nodeIds: [...nodeIds(document.workflow)], edgeIds: document.workflow.edges.map((edge) => edge.id) });
    },
  },
  autoLayout: {
    id: 'autoLayout',
    label: 'Auto-layout',
    shortcut: 'Shift+L',
    matches: is('l', { shift: true }),
    enabled: hasDocument,
    perform: (store) => {
      const offer = layoutOffers.get(store);
      if (offer !== undefined) store.getState().dismissNotice(offer);
      store.getState().editWorkflow((workflow) => autoLayout(workflow));
    },
  },
} satisfies Record<string, BuilderCommand>;

/**
 * Offers Auto-layout in a toast, after an edit that leaves the flow less tidy than a layout would
 * (a step inserted or connected where it was dropped). A new offer replaces the last one, so a
 * run of drops shows one toast, not a stack.
 */
export function offerAutoLayout(store: AppStore, title: string, description = 'Auto-layout lines up the whole flow, top to bottom.'): void {
  const previous = layoutOffers.get(store);
  if (previous !== undefined) store.getState().dismissNotice(previous);
  const id = store.getState().notify({
    tone: 'info',
    title,
    description,
    action: { label: BUILDER_COMMANDS.autoLayout.label, perform: () => BUILDER_COMMANDS.autoLayout.perform(store) },
  });
  layoutOffers.set(store, id);
}

/** The command a key press means, if it applies now. */
export function commandForKey(press: KeyPress, store: AppStore): BuilderCommand | undefined {
  return Object.values(BUILDER_COMMANDS as Record<string, BuilderCommand>).find((command) => command.matches?.(press) && command.enabled(store));
}
