import { createElement, Fragment, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AfterFirstPaint } from '../../../../../src/screens/simulation/workspace/AfterFirstPaint.tsx';

let root: Root | null = null;
let host: HTMLElement | null = null;

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
  host = null;
});

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((done) => setTimeout(done, 10));
};

describe('AfterFirstPaint', () => {
  it('draws its children only after the rest of the first commit has been painted', async () => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    // Whether the children were in the page in the frame that paints the first commit: looked at
    // from an animation frame asked for in that commit, so it runs just before that paint.
    let inFirstFrame: boolean | null = null;
    const seen = () => host?.querySelector('.later') !== null;
    function Panels() {
      useLayoutEffect(() => {
        requestAnimationFrame(() => {
          inFirstFrame = seen();
        });
      }, []);
      return createElement('p', { className: 'now' }, 'panels');
    }
    root.render(createElement(Fragment, null, createElement(Panels), createElement(AfterFirstPaint, null, createElement('p', { className: 'later' }, 'canvas'))));
    await waitFor(() => inFirstFrame !== null);
    expect(host?.querySelector('.now')).not.toBeNull();
    expect(inFirstFrame).toBe(false);
    await waitFor(seen);
    expect(seen()).toBe(true);
  });

  it('draws nothing once unmounted before the paint', async () => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    let drawn = 0;
    function Child() {
      drawn++;
      return null;
    }
    root.render(createElement(AfterFirstPaint, null, createElement(Child)));
    await new Promise((done) => setTimeout(done, 0));
    root.render(null);
    await nextFrame();
    await new Promise((done) => setTimeout(done, 50));
    expect(drawn).toBe(0);
  });
});
