/**
 * Which tab holds what: a lock per name, held by one page of the origin for as long as it lives
 * (the browser's Web Locks, released when the page closes, reloads or crashes). The live session
 * uses one per kept session so that two tabs never write the same record (liveSessionRepository).
 */
export interface TabLocks {
  /**
   * Takes the lock `name` for as long as this page lives. Without `waitMs`, only if no page holds
   * it now; with it, waiting up to that long for the page holding it to go (a reload: the page
   * before releases it as it unloads). False when it was not taken.
   */
  claim(name: string, waitMs?: number): Promise<boolean>;
  /** The names of the locks held now, by any page of this origin (this one included). */
  held(): Promise<ReadonlySet<string>>;
}

/**
 * The browser's Web Locks, under names that start with `scope` (the database's name, so stories
 * with databases of their own never share one). `null` where the browser has none (a page not
 * served over HTTPS or from localhost): callers then claim nothing and adopt nothing.
 */
export function browserTabLocks(scope: string): TabLocks | null {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  if (!locks) return null;
  const prefix = `${scope}:`;
  return {
    claim: (name, waitMs = 0) =>
      new Promise<boolean>((resolve) => {
        const options: LockOptions = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
        locks
          .request(prefix + name, options, (lock) => {
            resolve(lock !== null);
            // Held until the page goes: the callback's promise never settles.
            return lock === null ? undefined : new Promise<never>(() => undefined);
          })
          // Not granted in time (the signal aborted), or the browser refused: not taken.
          .catch(() => resolve(false));
      }),
    held: async () => {
      const { held = [] } = await locks.query();
      return new Set(held.flatMap(({ name }) => (name?.startsWith(prefix) ? [name.slice(prefix.length)] : [])));
    },
  };
}
