import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

interface RenderOptions {
  /**
   * Commit before the call returns (flushSync), for a test that reads the page at once. Left out,
   * React schedules the commit as it does the app's own renders, which a test of what is painted
   * when (the first frame, a later one) depends on.
   */
  readonly sync?: boolean;
}

interface MountOptions extends RenderOptions {
  /** CSS text for the host, to give what is drawn a size (a chart's width, a box that overflows). */
  readonly style?: string;
}

export interface ReactRootPerTest {
  /** Draws `element` in a fresh div appended to document.body, with a root of its own; returns that div. */
  mount(element: ReactNode, options?: MountOptions): HTMLElement;
  /** Draws `element` again in the root `mount` made, as a parent's new props would; `null` takes the drawing away and keeps the root. */
  render(element: ReactNode, options?: RenderOptions): void;
  /** Unmounts the root in the middle of a test, as closing what drew it would; the div stays until the test ends. */
  unmount(): void;
  /** Whether this test has a root drawing now: mounted, and not unmounted since. */
  readonly mounted: boolean;
  /** The div `mount` made; throws before it. */
  readonly host: HTMLElement;
}

/**
 * One React root per test in a browser test file: `mount` draws into a div on document.body, and
 * after each test the root is unmounted and the div removed, so no test sees another's page.
 * Call it once, at the top of the file (it registers the `afterEach`).
 */
export function reactRootPerTest(): ReactRootPerTest {
  let root: Root | null = null;
  let host: HTMLElement | null = null;

  afterEach(() => {
    root?.unmount();
    host?.remove();
    root = null;
    host = null;
  });

  const draw = (into: Root, element: ReactNode, sync: boolean) => {
    if (sync) flushSync(() => into.render(element));
    else into.render(element);
  };

  return {
    mount(element, { style, sync = false } = {}) {
      if (host) throw new Error('This test has mounted already: render again into its root');
      const div = document.body.appendChild(document.createElement('div'));
      if (style !== undefined) div.style.cssText = style;
      host = div;
      root = createRoot(div);
      draw(root, element, sync);
      return div;
    },
    render(element, { sync = false } = {}) {
      if (!root) throw new Error('Nothing mounted in this test now: mount first');
      draw(root, element, sync);
    },
    unmount() {
      if (!root) throw new Error('Nothing mounted in this test now: mount first');
      root.unmount();
      root = null;
    },
    get mounted() {
      return root !== null;
    },
    get host() {
      if (!host) throw new Error('Nothing mounted in this test yet: mount first');
      return host;
    },
  };
}
