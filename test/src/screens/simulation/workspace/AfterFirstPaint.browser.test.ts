import { createElement, Fragment, useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { AfterFirstPaint } from '../../../../../src/screens/simulation/workspace/AfterFirstPaint.tsx';
import { reactRootPerTest } from '../../../../support/reactRootPerTest.ts';

const root = reactRootPerTest();

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((done) => setTimeout(done, 10));
};

describe('AfterFirstPaint', () => {
  it('draws its children only after the rest of the first commit has been painted', async () => {
    // Whether the children were in the page in the frame that paints the first commit: looked at
    // from an animation frame asked for in that commit, so it runs just before that paint.
    let inFirstFrame: boolean | null = null;
    const seen = () => root.host.querySelector('.later') !== null;
    function Panels() {
      useLayoutEffect(() => {
        requestAnimationFrame(() => {
          inFirstFrame = seen();
        });
      }, []);
      return createElement('p', { className: 'now' }, 'panels');
    }
    root.mount(createElement(Fragment, null, createElement(Panels), createElement(AfterFirstPaint, null, createElement('p', { className: 'later' }, 'canvas'))));
    await waitFor(() => inFirstFrame !== null);
    expect(root.host.querySelector('.now')).not.toBeNull();
    expect(inFirstFrame).toBe(false);
    await waitFor(seen);
    expect(seen()).toBe(true);
  });

  it('draws nothing once unmounted before the paint', async () => {
    let drawn = 0;
    function Child() {
      drawn++;
      return null;
    }
    root.mount(createElement(AfterFirstPaint, null, createElement(Child)));
    await new Promise((done) => setTimeout(done, 0));
    root.render(null);
    await nextFrame();
    await new Promise((done) => setTimeout(done, 50));
    expect(drawn).toBe(0);
  });
});
