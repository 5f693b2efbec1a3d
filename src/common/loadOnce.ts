/** Code fetched on first need (see `loadOnce`): the fetch, and what it gave once it has. */
export interface LoadedOnce<T> {
  /** Fetches on the first call; every later call shares that fetch. */
  load(): Promise<T>;
  /** What the fetch gave, or null until it has (a component can then draw at once, without a wait). */
  readonly loaded: T | null;
  /**
   * Calls `then` with what the fetch gave: at once when it already has (in the same task, so a press
   * answered from loaded code opens without a frame's gap), else once it arrives; `failed` when it fails.
   */
  whenLoaded(then: (value: T) => void, failed?: () => void): void;
}

/**
 * A chunk fetched once for every part of the page that asks for it (a menu's code, a code editor,
 * dialogs). A failed fetch is forgotten, so the next ask tries again: offline now is not offline
 * for ever.
 *
 * Forgetting is not enough when the fetch is a dynamic import: Chromium keeps an import that failed
 * failed for the page's life, and the next `import()` of that file fails at once without asking the
 * network, so the button that asked stays dead. Give it `refetchableImport(() => import(…))`, which
 * asks for the file at another address after a failure.
 */
export function loadOnce<T>(fetch: () => Promise<T>): LoadedOnce<T> {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  const load = () =>
    (loading ??= fetch().then(
      (value) => (loaded = value),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    load,
    get loaded() {
      return loaded;
    },
    whenLoaded(then, failed = () => undefined) {
      if (loaded !== null) then(loaded);
      else load().then(then, failed);
    },
  };
}
