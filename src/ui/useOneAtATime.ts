import { useRef, useState } from 'react';

export interface OneAtATime<A extends readonly unknown[]> {
  /** Starts the action, unless it is already running: then the call is dropped. */
  readonly run: (...args: A) => void;
  /**
   * True while the action runs: for its button's `aria-busy` and `aria-disabled`. Not `disabled`: a
   * button disabled while it has focus drops the keyboard's focus to the page, and a failed save
   * would leave the person nowhere to press Enter again. Clicks meanwhile are dropped by `run`.
   */
  readonly busy: boolean;
}

/**
 * An action that writes something (a save, a create) run at most once at a time: the second click
 * of a double click, or a click while a slow save is still writing, does nothing instead of writing
 * a second copy. The guard is a ref, set in the click itself, so it holds even before React has drawn
 * the button busy. When the action ends, however it ends, it can run again: a failed save (which
 * the action reports itself) can be retried.
 *
 * @example const saving = useOneAtATime(save); <button aria-disabled={saving.busy} aria-busy={saving.busy} onClick={() => saving.run()}>Save</button>
 */
export function useOneAtATime<A extends readonly unknown[]>(action: (...args: A) => unknown): OneAtATime<A> {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = (...args: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    const done = () => {
      running.current = false;
      setBusy(false);
    };
    let started: unknown;
    try {
      started = action(...args);
    } catch (error) {
      done();
      throw error;
    }
    void Promise.resolve(started).finally(done);
  };
  return { run, busy };
}
