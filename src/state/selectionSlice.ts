import type { StateCreator } from 'zustand';
import type { Fragment } from '../model/workflowEdits.ts';

/** What is selected on the builder's canvas: the inspector, the problems list and the commands read it. */
export interface Selection {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

export interface SelectionSlice {
  readonly selection: Selection;
  /** What Copy put aside, for Paste (in this tab). */
  readonly clipboard: Fragment | null;
  select(selection: Selection): void;
  setClipboard(fragment: Fragment): void;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  clipboard: null,
  select(selection) {
    const current = get().selection;
    // The canvas reports selections often; an equal one must not wake every reader.
    if (sameIds(current.nodeIds, selection.nodeIds) && sameIds(current.edgeIds, selection.edgeIds)) return;
    set({ selection });
  },
  setClipboard(clipboard) {
    set({ clipboard });
  },
});
