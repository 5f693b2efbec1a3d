import { lazy, useState, type ComponentType, type JSX } from 'react';

/** A screen loaded on demand, and the way to start loading it before it is shown. */
export interface LazyScreen<P extends object> {
  /** Suspends while the module loads (under the route's Suspense); renders at once if it is already loaded. */
  readonly Component: (props: P) => JSX.Element;
  /**
   * Starts the download ahead of the render, once; later calls and the render share it. A failure
   * here is left for the render to meet (and report), not raised as an error nobody caught.
   */
  readonly preload: () => void;
}

/**
 * A screen's module as a chunk of its own, so the first screen shown does not pay for the others.
 * The import starts at most once: a hover that preloaded it and the render that needs it share one
 * download. React.lazy suspends for a tick even on a module already loaded, which would flash the
 * fallback frame on every visit; a screen whose module is in hand when it mounts is rendered
 * directly (decided once per mount, so it never switches component under itself). A failed
 * preload is forgotten, so a later attempt asks the network again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await start() }));
  function Component(props: P) {
    const [Direct] = useState(() => loaded);
    return Direct ? <Direct {...props} /> : <Lazy {...props} />;
  }
  const preload = () => void start().catch(() => undefined);
  return { Component, preload };
}
