import type { TabLocks } from '../../src/persistence/tabLocks.ts';

export interface FakeTab extends TabLocks {
  /** The tab closes or reloads: every lock it held is let go. */
  close(): void;
}

/**
 * Web Locks for unit tests: one lock manager per fake browser, with as many tabs as a test needs.
 * A claim is granted at once or not at all (a real one may wait `waitMs` for a reloading page).
 */
export function fakeTabLocks(): { tab(): FakeTab } {
  const holders = new Map<string, number>();
  let tabs = 0;
  return {
    tab() {
      const id = ++tabs;
      return {
        claim: async (name) => {
          if (holders.has(name)) return false;
          holders.set(name, id);
          return true;
        },
        held: async () => new Set(holders.keys()),
        close: () => {
          for (const [name, holder] of holders) if (holder === id) holders.delete(name);
        },
      };
    },
  };
}
