import type { StateCreator } from 'zustand';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import type { WorkflowRecord } from '../model/records.ts';
import type { StorageFailure } from '../model/storageError.ts';

/** How many edits Undo can go back. */
export const UNDO_LIMIT = 200;

/** The Workflow open in the builder, with its undo history and what has been stored of it. */
export interface OpenDocument {
  readonly workflowId: string;
  readonly workflow: Workflow;
  /** The stored revision these edits build on; a save is refused if the store moved past it. */
  readonly baseRevision: number;
  /** Counts edits; autosave knows it wrote all of them when `savedSeq` catches up. */
  readonly editSeq: number;
  readonly savedSeq: number;
  readonly past: readonly Workflow[];
  readonly future: readonly Workflow[];
  /** Consecutive edits with the same key (typing a name) are one undo step. */
  readonly lastEditKey: string | null;
}

/** What the toolbar says about saving. */
export type SaveState =
  | { readonly status: 'saved'; readonly at: number | null }
  | { readonly status: 'saving' }
  /** The write failed; the edits are safe in memory until a retry succeeds. */
  | { readonly status: 'failed'; readonly failure: StorageFailure }
  /** Another tab saved this Workflow since these edits began; nothing is written until the person chooses. */
  | { readonly status: 'conflict'; readonly theirs: WorkflowRecord | null }
  /** Storage is closed to this tab (a newer exitflow upgraded it): reload to go on. */
  | { readonly status: 'blocked'; readonly failure: StorageFailure };

export interface DocumentSlice {
  readonly document: OpenDocument | null;
  readonly save: SaveState;
  /** Bumped by "Retry" and by leaving the page: autosave writes at once. */
  readonly saveRequests: number;
  openDocument(record: WorkflowRecord): void;
  closeDocument(): void;
  /** Applies one edit (a pure function of the Workflow), undoable. */
  editWorkflow(change: (workflow: Workflow) => Workflow, options?: { readonly key?: string }): void;
  undo(): void;
  redo(): void;
  requestSave(): void;
  saveStarted(): void;
  /** The write of every edit up to `seq` produced `record`. */
  saveSucceeded(record: WorkflowRecord, seq: number, at: number): void;
  saveFailed(failure: StorageFailure): void;
  saveConflicted(theirs: WorkflowRecord | null): void;
  storageBlocked(failure: StorageFailure): void;
  /** Takes the stored state (another tab's save, or "Reload theirs"), dropping unsaved edits. */
  adoptStored(record: WorkflowRecord): void;
}

export const hasUnsavedEdits = (document: OpenDocument | null): boolean => document !== null && document.editSeq !== document.savedSeq;

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set, get) => {
  const update = (change: (document: OpenDocument) => OpenDocument | null) => {
    const { document } = get();
    if (!document) return;
    const next = change(document);
    if (next && next !== document) set({ document: next });
  };
  return {
    document: null,
    save: { status: 'saved', at: null },
    saveRequests: 0,
    openDocument(record) {
      set({
        document: {
          workflowId: record.id,
          workflow: record.document,
          baseRevision: record.revision,
          editSeq: 0,
          savedSeq: 0,
          past: [],
          future: [],
          lastEditKey: null,
        },
        save: { status: 'saved', at: record.updatedAt },
      });
    },
    closeDocument() {
      set({ document: null, save: { status: 'saved', at: null } });
    },
    editWorkflow(change, options) {
      update((document) => {
        const workflow = change(document.workflow);
        if (workflow === document.workflow) return document;
        const key = options?.key ?? null;
        const coalesce = key !== null && key === document.lastEditKey;
        return {
          ...document,
          workflow,
          editSeq: document.editSeq + 1,
          past: coalesce ? document.past : [...document.past, document.workflow].slice(-UNDO_LIMIT),
          future: [],
          lastEditKey: key,
        };
      });
    },
    undo() {
      update((document) => {
        const previous = document.past[document.past.length - 1];
        if (!previous) return document;
        return { ...document, workflow: previous, past: document.past.slice(0, -1), future: [document.workflow, ...document.future], editSeq: document.editSeq + 1, lastEditKey: null };
      });
    },
    redo() {
      update((document) => {
        const [next, ...rest] = document.future;
        if (!next) return document;
        return { ...document, workflow: next, past: [...document.past, document.workflow], future: rest, editSeq: document.editSeq + 1, lastEditKey: null };
      });
    },
    requestSave() {
      set({ saveRequests: get().saveRequests + 1 });
    },
    saveStarted() {
      set({ save: { status: 'saving' } });
    },
    saveSucceeded(record, seq, at) {
      const { document } = get();
      if (!document || document.workflowId !== record.id) return;
      set({ document: { ...document, baseRevision: record.revision, savedSeq: seq }, save: { status: 'saved', at } });
    },
    saveFailed(failure) {
      set({ save: { status: 'failed', failure } });
    },
    saveConflicted(theirs) {
      set({ save: { status: 'conflict', theirs } });
    },
    storageBlocked(failure) {
      set({ save: { status: 'blocked', failure } });
    },
    adoptStored(record) {
      const { document } = get();
      // Another Workflow's record changes nothing here, not even the save state (a conflict stays).
      if (!document || document.workflowId !== record.id) return;
      // What this tab itself just stored (a publish, a restore of the same state): nothing to undo.
      if (record.document === document.workflow) {
        set({ document: { ...document, baseRevision: record.revision, savedSeq: document.editSeq }, save: { status: 'saved', at: record.updatedAt } });
        return;
      }
      set({
        document: {
          ...document,
          workflow: record.document,
          baseRevision: record.revision,
          // Their state becomes one more undoable step: Undo brings back what this tab showed.
          past: [...document.past, document.workflow].slice(-UNDO_LIMIT),
          future: [],
          editSeq: document.editSeq + 1,
          savedSeq: document.editSeq + 1,
          lastEditKey: null,
        },
        save: { status: 'saved', at: record.updatedAt },
      });
    },
  };
};
