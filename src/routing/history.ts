import type { AppLocation } from './routes.ts';

/**
 * Where the current location lives: the browser's History API in the app, memory in stories and
 * tests. Paths are relative to the app's base, so the app can be served from a sub-folder.
 */
export interface AppHistory {
  location(): AppLocation;
  /** The URL to put in a link's `href` (with the base path). */
  createHref(href: string): string;
  push(href: string): void;
  replace(href: string): void;
  /** Called when the location changes from outside the app (Back, Forward). */
  subscribe(listener: () => void): () => void;
}

/** Splits `/path?query#hash` into its path and query (the hash is not used for routing). */
export function splitHref(href: string): AppLocation {
  const withoutHash = href.split('#', 1)[0] ?? '';
  const queryAt = withoutHash.indexOf('?');
  return queryAt === -1
    ? { pathname: withoutHash || '/', search: '' }
    : { pathname: withoutHash.slice(0, queryAt) || '/', search: withoutHash.slice(queryAt) };
}

/** `base` as Vite gives it (`import.meta.env.BASE_URL`, e.g. `/` or `/exitflow/`). */
export function browserHistory(base: string, target: Window = window): AppHistory {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  const toApp = (pathname: string): string => (prefix !== '' && pathname.startsWith(prefix) ? pathname.slice(prefix.length) || '/' : pathname);
  return {
    location: () => ({ pathname: toApp(target.location.pathname), search: target.location.search }),
    createHref: (href) => prefix + href,
    push: (href) => target.history.pushState(null, '', prefix + href),
    replace: (href) => target.history.replaceState(null, '', prefix + href),
    subscribe(listener) {
      target.addEventListener('popstate', listener);
      return () => target.removeEventListener('popstate', listener);
    },
  };
}

/** A history held in memory, with `back()` for tests. */
export interface MemoryHistory extends AppHistory {
  back(): void;
  readonly entries: readonly string[];
}

export function memoryHistory(initial = '/'): MemoryHistory {
  const entries = [initial];
  let index = 0;
  const listeners = new Set<() => void>();
  return {
    entries,
    location: () => splitHref(entries[index] ?? '/'),
    createHref: (href) => href,
    push(href) {
      entries.splice(index + 1, entries.length, href);
      index = entries.length - 1;
    },
    replace(href) {
      entries[index] = href;
    },
    back() {
      if (index === 0) return;
      index -= 1;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
