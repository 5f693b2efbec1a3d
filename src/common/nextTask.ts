interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves in a task of its own, so the work after the `await` does not lengthen the task that
 * awaited it: the browser can paint and handle input between two pieces of work that together
 * would block it for long on a slow phone. `scheduler.yield()` where there is one (its
 * continuation goes before other waiting tasks), else a timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
